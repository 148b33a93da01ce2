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
import io.hvcluster.core.sim.RandomStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apiguardian.api.API;

/**
 * Runs a fleet: {@code ceil(hosts / 16)} clusters of up to 16 nodes (node majority for odd node counts,
 * node and disk majority for even ones, as the seed article advises), an iSCSI SAN per cluster with a
 * LUN per VM, VMs spread evenly over the clusters, host failures arriving as a Poisson process across
 * the fleet, each failed host powered on again after the repair time. Hosts are sized so that each
 * cluster absorbs the loss of one node.
 *
 * <p>The clusters of a fleet share nothing, so each runs in a simulation of its own, and the clusters run
 * side by side on as many threads as asked for (every core by default). The failure schedule is drawn
 * once for the whole fleet from the seed, each cluster's simulation has the fleet's seed, and the results
 * are merged in cluster order: the report, its trace hash included, is the same for any number of threads.
 * The fleet's trace hash folds the clusters' trace hashes in cluster order.
 *
 * <p>A run is confined to the calling thread and the worker threads it starts and stops itself. Example:
 *
 * <pre>{@code
 * FleetReport r = FleetSimulation.run(new FleetSpec(1000, 50_000, 7, 2, Duration.ofHours(4), 1), t -> {});
 * System.out.println(r.availability());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FleetSimulation {
  private static final long MIB = 1L << 20;
  private static final long[] VM_MIB = {512, 1024, 1024, 2048};
  private static final GuestOs[] GUESTS = {GuestOs.WINDOWS_SERVER_2008, GuestOs.WINDOWS_SERVER_2008_CORE,
      GuestOs.WINDOWS_SERVER_2003, GuestOs.WINDOWS_SERVER_2008, GuestOs.SUSE_LINUX_ENTERPRISE_10};
  /** Progress reports per run, and virtual-time slices per cluster. */
  private static final int SLICES = 1000;

  private FleetSimulation() {}

  /**
   * Builds and runs a fleet on every available core.
   *
   * @param spec what to simulate
   * @param progress receives the virtual time reached, in nanoseconds, about a thousand times per run, in
   *     increasing order and one call at a time, from the calling thread or a worker thread
   * @return what happened
   */
  public static FleetReport run(FleetSpec spec, LongConsumer progress) {
    return run(spec, Runtime.getRuntime().availableProcessors(), progress);
  }

  /**
   * Builds and runs a fleet on the given number of threads; the report does not depend on it.
   *
   * @param spec what to simulate
   * @param threads how many clusters run at once, at least 1 (1 runs every cluster on the calling thread)
   * @param progress receives the virtual time reached, in nanoseconds, about a thousand times per run, in
   *     increasing order and one call at a time, from the calling thread or a worker thread; the virtual time
   *     reached is the mean over the clusters
   * @return what happened
   * @throws IllegalArgumentException when threads is below 1
   */
  public static FleetReport run(FleetSpec spec, int threads, LongConsumer progress) {
    Objects.requireNonNull(spec, "fleet spec");
    Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + "; allowed: 1 or more");
    }
    List<ClusterSpec> specs = clusters(spec);
    long end = spec.duration().toNanos();
    List<List<Failure>> failures = failures(spec, specs, end);
    Progress shared = new Progress(progress, end, (long) specs.size() * SLICES);
    List<ClusterRun> runs = new ArrayList<>(specs.size());
    int workers = Math.min(threads, specs.size());
    if (workers <= 1) {
      for (int c = 0; c < specs.size(); c++) {
        runs.add(ClusterRun.of(spec, specs.get(c), failures.get(c), end, shared));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers, FleetSimulation::worker);
      try {
        List<Future<ClusterRun>> futures = new ArrayList<>(specs.size());
        for (int c = 0; c < specs.size(); c++) {
          ClusterSpec cs = specs.get(c);
          List<Failure> fs = failures.get(c);
          futures.add(pool.submit(() -> ClusterRun.of(spec, cs, fs, end, shared)));
        }
        for (Future<ClusterRun> f : futures) {
          runs.add(join(f));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return merge(spec, specs.size(), end, runs);
  }

  private static Thread worker(Runnable r) {
    Thread t = new Thread(r, "hvcluster-fleet");
    t.setDaemon(true);
    return t;
  }

  private static ClusterRun join(Future<ClusterRun> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a fleet was running", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Merges the clusters' results in cluster order. */
  private static FleetReport merge(FleetSpec spec, int clusters, long end, List<ClusterRun> runs) {
    // Doubles: fifty thousand VMs over a week overflow a long of nanoseconds.
    double expected = 0;
    double down = 0;
    double recovered = 0;
    long ended = 0;
    int running = 0;
    long events = 0;
    long steps = 0;
    int hostFailures = 0;
    int failovers = 0;
    int violations = 0;
    List<String> examples = new ArrayList<>();
    TraceFold hash = new TraceFold();
    for (ClusterRun r : runs) {
      expected += r.expectedNanos;
      down += r.downNanos;
      recovered += r.recoveredNanos;
      ended += r.outagesEnded;
      running += r.vmsRunning;
      events += r.events;
      steps += r.steps;
      hostFailures += r.hostFailures;
      failovers += r.failovers;
      violations += r.violations;
      for (String e : r.examples) {
        if (examples.size() < SafetyMonitor.EXAMPLES) {
          examples.add(e);
        }
      }
      hash.add(r.traceHash);
    }
    double availability = expected == 0 ? 1.0 : 1.0 - down / expected;
    return new FleetReport(spec.hosts(), clusters, spec.vms(), running, end / 1_000_000_000L, events, steps,
        hostFailures, failovers, down / 1e9, availability, ended == 0 ? 0 : recovered / 1e9 / ended, violations,
        examples, hash.hex());
  }

  /** A host failure of the fleet's schedule: when, and which host of its cluster. */
  private record Failure(long atNanos, int host) {}

  /**
   * Draws the fleet's Poisson host failures once, from the stream a fleet in one simulation would use, and
   * gives each cluster its own.
   */
  private static List<List<Failure>> failures(FleetSpec spec, List<ClusterSpec> specs, long end) {
    List<List<Failure>> byCluster = new ArrayList<>(specs.size());
    int[] clusterOf = new int[spec.hosts()];
    int[] hostOf = new int[spec.hosts()];
    int next = 0;
    for (int c = 0; c < specs.size(); c++) {
      byCluster.add(new ArrayList<>());
      for (int h = 0; h < specs.get(c).hosts().size(); h++, next++) {
        clusterOf[next] = c;
        hostOf[next] = h;
      }
    }
    if (spec.failuresPerHour() <= 0) {
      return byCluster;
    }
    SplittableRandom random = new RandomStreams(spec.seed()).stream("user/fleet/failures");
    double meanNanos = 3_600e9 / spec.failuresPerHour();
    long t = 0;
    while (true) {
      t += (long) (-Math.log(1.0 - random.nextDouble()) * meanNanos);
      if (t >= end) {
        return byCluster;
      }
      int pick = random.nextInt(next);
      byCluster.get(clusterOf[pick]).add(new Failure(t, hostOf[pick]));
    }
  }

  /** Virtual time reached across the fleet, reported in order from whichever thread advances it. */
  private static final class Progress {
    private final LongConsumer consumer;
    private final long end;
    private final long totalSlices;
    private long slicesDone;
    private int reported;

    Progress(LongConsumer consumer, long end, long totalSlices) {
      this.consumer = consumer;
      this.end = end;
      this.totalSlices = totalSlices;
    }

    synchronized void sliceDone() {
      slicesDone++;
      int due = (int) (slicesDone * SLICES / totalSlices);
      while (reported < due) {
        reported++;
        consumer.accept(reported == SLICES ? end : end / SLICES * reported);
      }
    }
  }

  /** What one cluster's simulation did, kept once the simulation is closed. */
  private static final class ClusterRun {
    double expectedNanos;
    double downNanos;
    double recoveredNanos;
    long outagesEnded;
    int vmsRunning;
    long events;
    long steps;
    int hostFailures;
    int failovers;
    int violations;
    List<String> examples;
    String traceHash;

    static ClusterRun of(FleetSpec fleet, ClusterSpec spec, List<Failure> failures, long end, Progress progress) {
      try (Simulation sim = Simulation.builder().seed(fleet.seed()).build()) {
        Cluster cluster = sim.createCluster(spec);
        SafetyMonitor safety = new SafetyMonitor(sim);
        sim.addListener(safety);
        ClusterRun run = new ClusterRun();
        sim.addListener(e -> {
          if (e instanceof FailoverStarted) {
            run.failovers++;
          }
        });
        cluster.form();
        cluster.startAllVms();
        long repair = fleet.repairTime().toNanos();
        for (Failure f : failures) {
          Host host = cluster.hosts().get(f.host());
          sim.schedule(Duration.ofNanos(f.atNanos()), () -> {
            if (host.isRunning()) {
              run.hostFailures++;
              sim.faults(cluster).crashHost(host.id());
              sim.schedule(Duration.ofNanos(repair), () -> sim.faults(cluster).powerOnHost(host.id()));
            }
          });
        }
        long slice = Math.max(1, end / SLICES);
        for (int i = 1; i <= SLICES; i++) {
          long target = i == SLICES ? end : Math.min(end, slice * i);
          long now = sim.nowNanos();
          if (target > now) {
            sim.runFor(Duration.ofNanos(target - now));
          }
          progress.sliceDone();
        }
        Availability a = cluster.availability();
        for (Availability.VmAvailability v : a.vms()) {
          run.expectedNanos += v.expectedNanos();
          run.downNanos += v.downNanos();
          for (var o : v.outages()) {
            if (o.isOver()) {
              run.recoveredNanos += o.durationNanos(a.atNanos());
              run.outagesEnded++;
            }
          }
        }
        for (VirtualMachine vm : cluster.vms()) {
          if (vm.state() == VmState.RUNNING) {
            run.vmsRunning++;
          }
        }
        run.events = sim.eventCount();
        run.steps = sim.stepsRun();
        run.violations = safety.violations();
        run.examples = safety.examples();
        run.traceHash = sim.traceHash();
        return run;
      }
    }
  }

  /** Folds the clusters' 128-bit trace hashes, in order, into the fleet's. */
  private static final class TraceFold {
    private long a = 0x666c656574L;
    private long b = 0x13198A2E03707344L;

    void add(String hex) {
      long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
      long lo = Long.parseUnsignedLong(hex.substring(16), 16);
      a = RandomStreams.mix(a ^ hi);
      b = RandomStreams.mix(b ^ lo ^ a);
    }

    String hex() {
      return String.format("%016x%016x", RandomStreams.mix(a ^ b), RandomStreams.mix(b + a));
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
        luns.add(LunSpec.witness(name + "-witness"));
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
