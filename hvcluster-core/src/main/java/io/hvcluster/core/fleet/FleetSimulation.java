package io.hvcluster.core.fleet;

import io.hvcluster.api.Availability;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.Host;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Edition;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Runs a fleet: {@code ceil(hosts / 16)} clusters of up to 16 nodes (node majority for odd node counts,
 * node and disk majority for even ones, as the seed article advises), an iSCSI SAN per cluster with a
 * LUN per VM, VMs spread evenly over the clusters, host failures arriving as a Poisson process across
 * the fleet, each failed host powered on again after the repair time. Hosts are sized so that each
 * cluster absorbs the loss of one node.
 *
 * <p>Not thread-safe; a run is confined to the calling thread. Example:
 *
 * <pre>{@code
 * FleetReport r = FleetSimulation.run(new FleetSpec(1000, 50_000, 7, 2, Duration.ofHours(4), 1), t -> {});
 * System.out.println(r.availability());
 * }</pre>
 */
public final class FleetSimulation {
  private static final long MIB = 1L << 20;
  private static final long[] VM_MIB = {512, 1024, 1024, 2048};
  private static final GuestOs[] GUESTS = {GuestOs.WINDOWS_SERVER_2008, GuestOs.WINDOWS_SERVER_2008_CORE,
      GuestOs.WINDOWS_SERVER_2003, GuestOs.WINDOWS_SERVER_2008, GuestOs.SUSE_LINUX_ENTERPRISE_10};

  private FleetSimulation() {}

  /**
   * Builds and runs a fleet.
   *
   * @param spec what to simulate
   * @param progress receives the virtual time reached, in nanoseconds, about a thousand times per run
   * @return what happened
   */
  public static FleetReport run(FleetSpec spec, LongConsumer progress) {
    Objects.requireNonNull(spec, "fleet spec");
    Objects.requireNonNull(progress, "progress");
    try (Simulation sim = Simulation.builder().seed(spec.seed()).build()) {
      List<ClusterSpec> specs = clusters(spec);
      List<Cluster> clusters = new ArrayList<>();
      for (ClusterSpec c : specs) {
        clusters.add(sim.createCluster(c));
      }
      SafetyMonitor safety = new SafetyMonitor(sim);
      sim.addListener(safety);
      int[] failovers = {0};
      sim.addListener(e -> {
        if (e instanceof FailoverStarted) {
          failovers[0]++;
        }
      });
      for (Cluster c : clusters) {
        c.form();
        c.startAllVms();
      }
      List<Host> hosts = new ArrayList<>();
      List<Cluster> owners = new ArrayList<>();
      for (Cluster c : clusters) {
        for (Host h : c.hosts()) {
          hosts.add(h);
          owners.add(c);
        }
      }
      int[] hostFailures = {0};
      long end = spec.duration().toNanos();
      scheduleFailures(sim, spec, hosts, owners, end, hostFailures);
      long slice = Math.max(1, end / 1000);
      for (long t = 0; t < end; ) {
        long next = Math.min(end, t + slice);
        sim.runFor(Duration.ofNanos(next - t));
        t = next;
        progress.accept(t);
      }
      // Doubles: fifty thousand VMs over a week overflow a long of nanoseconds.
      double expected = 0;
      double down = 0;
      double recovered = 0;
      int ended = 0;
      int running = 0;
      for (Cluster c : clusters) {
        Availability a = c.availability();
        for (Availability.VmAvailability v : a.vms()) {
          expected += v.expectedNanos();
          down += v.downNanos();
          for (var o : v.outages()) {
            if (o.isOver()) {
              recovered += o.durationNanos(a.atNanos());
              ended++;
            }
          }
        }
        for (VirtualMachine vm : c.vms()) {
          if (vm.state() == VmState.RUNNING) {
            running++;
          }
        }
      }
      double availability = expected == 0 ? 1.0 : 1.0 - down / expected;
      return new FleetReport(spec.hosts(), clusters.size(), spec.vms(), running, end / 1_000_000_000L,
          sim.eventCount(), sim.stepsRun(), hostFailures[0], failovers[0], down / 1e9, availability,
          ended == 0 ? 0 : recovered / 1e9 / ended, safety.violations(), safety.examples(), sim.traceHash());
    }
  }

  /** Schedules Poisson host failures across the fleet, each repaired after the repair time. */
  private static void scheduleFailures(Simulation sim, FleetSpec spec, List<Host> hosts, List<Cluster> owners,
      long end, int[] count) {
    if (spec.failuresPerHour() <= 0) {
      return;
    }
    SplittableRandom random = sim.randomStream("fleet/failures");
    double meanNanos = 3_600e9 / spec.failuresPerHour();
    long repair = spec.repairTime().toNanos();
    long t = 0;
    while (true) {
      t += (long) (-Math.log(1.0 - random.nextDouble()) * meanNanos);
      if (t >= end) {
        return;
      }
      int pick = random.nextInt(hosts.size());
      Host host = hosts.get(pick);
      Cluster cluster = owners.get(pick);
      sim.schedule(Duration.ofNanos(t), () -> {
        if (host.isRunning()) {
          count[0]++;
          sim.faults(cluster).crashHost(host.id());
          sim.schedule(Duration.ofNanos(repair), () -> sim.faults(cluster).powerOnHost(host.id()));
        }
      });
    }
  }

  /** Builds the clusters' specs: hosts split as evenly as possible, VMs spread in proportion. */
  static List<ClusterSpec> clusters(FleetSpec spec) {
    int n = spec.clusters();
    List<ClusterSpec> specs = new ArrayList<>();
    int vmIndex = 0;
    for (int c = 0; c < n; c++) {
      int nodes = spec.hosts() / n + (c < spec.hosts() % n ? 1 : 0);
      int vms = (int) ((long) spec.vms() * (c + 1) / n - (long) spec.vms() * c / n);
      String name = String.format("C%03d", c + 1);
      QuorumModel quorum = nodes % 2 == 0 ? QuorumModel.NODE_AND_DISK_MAJORITY : QuorumModel.NODE_MAJORITY;
      ClusterSpec.Builder b = ClusterSpec.builder(name).quorum(quorum);
      long vmMib = 0;
      List<VmSpec> vmSpecs = new ArrayList<>();
      List<LunSpec> luns = new ArrayList<>();
      if (quorum.usesWitnessDisk()) {
        luns.add(LunSpec.witnessDisk(name + "-witness", 512));
      }
      for (int i = 0; i < vms; i++, vmIndex++) {
        String vm = String.format("%s-vm%05d", name, i + 1);
        long mib = VM_MIB[vmIndex % VM_MIB.length];
        vmMib += mib;
        luns.add(LunSpec.data("lun-" + vm, 40));
        vmSpecs.add(VmSpec.builder(vm).memoryMiB(mib).guestOs(GUESTS[vmIndex % GUESTS.length]).lun("lun-" + vm)
            .workload(WorkloadSpec.of(mib / 8, 256)).build());
      }
      // Enough memory that the cluster runs every VM with one node down (N+1), plus 15 % headroom.
      long perHostMib = nodes > 1 ? (long) Math.ceil(vmMib * 1.15 / (nodes - 1)) : vmMib;
      long gib = Math.max(16, ((perHostMib + 1023) / 1024 + 1 + 7) / 8 * 8);
      for (int h = 0; h < nodes; h++) {
        b.host(HostSpec.builder(String.format("%s-n%02d", name, h + 1)).edition(Edition.DATACENTER)
            .installation(Installation.SERVER_CORE).cores(16).memoryGiB(gib).build());
      }
      b.storage(StorageSpec.iscsi(luns));
      // A fleet's clusters are large: each has an array sized to its nodes, one host path's worth per node
      // (a departmental three-port array would take many minutes to cold-boot hundreds of VMs at once).
      CostModel costs = CostModel.forStorage(StorageType.ISCSI);
      b.settings(ClusterSettings.defaults(StorageType.ISCSI).withCosts(costs.withArray(
          Math.max(CostModel.ARRAY_PATHS, nodes) * costs.storageReadBytesPerSecond())));
      vmSpecs.forEach(b::vm);
      specs.add(b.build());
    }
    return specs;
  }

  static long mib(long bytes) {
    return bytes / MIB;
  }
}
