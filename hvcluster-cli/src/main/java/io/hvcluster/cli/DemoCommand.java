package io.hvcluster.cli;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.report.Timeline;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster demo}: forms the embedded default cluster, starts its VMs, drains a node for
 * maintenance, crashes another and repairs it, printing a readable timeline and a summary. The output
 * depends only on the seed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs the embedded 4-node, 12-VM cluster through formation, maintenance, a host crash and repair.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "42", description = "Master seed of the simulation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--details", description = "Also print group, arbitration and migration-phase events.")
  boolean details;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClusterSpec clusterSpec = DemoCluster.spec();
    out.println("hvcluster demo (seed " + seed + ")");
    describe(out, clusterSpec);
    Downtime downtime = new Downtime();
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      sim.addListener(event -> {
        if (details || !Timeline.isDetail(event)) {
          out.println(Timeline.line(event));
        }
      });
      sim.addListener(downtime);
      Cluster cluster = sim.createCluster(clusterSpec);

      section(out, "1. Form the cluster and start every VM");
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      state(out, sim, cluster);

      section(out, "2. Planned maintenance: drain HV02, then resume it");
      cluster.drainNode(HostId.of("HV02"));
      sim.runFor(Duration.ofMinutes(4));
      cluster.resumeNode(HostId.of("HV02"));
      sim.runFor(Duration.ofSeconds(30));
      state(out, sim, cluster);

      section(out, "3. Unplanned failure: HV03 loses power");
      sim.faults(cluster).crashHost(HostId.of("HV03"));
      sim.runFor(Duration.ofMinutes(4));
      state(out, sim, cluster);

      section(out, "4. Repair: HV03 is powered on and rejoins");
      sim.faults(cluster).powerOnHost(HostId.of("HV03"));
      sim.runFor(Duration.ofMinutes(5));
      state(out, sim, cluster);

      summary(out, sim, cluster, downtime);
    }
    return 0;
  }

  private static void describe(PrintWriter out, ClusterSpec c) {
    out.println();
    out.println("Cluster " + c.name() + ": " + c.hosts().size() + " nodes, quorum " + c.quorum() + ", "
        + c.storage().type() + " SAN with " + c.storage().luns().size() + " LUNs (witness + one per VM), "
        + c.vms().size() + " highly available VMs");
    for (HostSpec h : c.hosts()) {
      out.printf("  %-6s Windows Server 2008 %s x64 %s, %d cores, %d GiB (%d GiB for VMs)%n", h.id(),
          cap(h.edition().name()), h.installation() == io.hvcluster.api.spec.Installation.SERVER_CORE ? "Server Core" : "full",
          h.cores(), h.memoryBytes() >> 30, h.vmMemoryBytes() >> 30);
    }
    out.println("  heartbeat " + c.settings().heartbeatDelay().toMillis() + " ms x " + c.settings().heartbeatThreshold()
        + "; restart 3 in 15 min, then fail over; failover threshold nodes - 1 in 6 h; failback prevented");
  }

  private static String cap(String s) {
    return s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static void section(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }

  private static void state(PrintWriter out, Simulation sim, Cluster cluster) {
    out.println();
    out.println("State at " + Timeline.time(sim.nowNanos()));
    QuorumStatus q = cluster.quorum();
    out.println("  quorum: " + (q.hasQuorum() ? "yes, " : "NO, ") + q.votes() + " of " + q.totalVotes()
        + " votes (needs " + q.votesNeeded() + ")" + (q.witnessVote() ? ", witness disk votes" : ""));
    for (Host h : cluster.hosts()) {
      out.printf("  %-6s %-8s %5.1f of %4.1f GiB  VMs: %s%n", h.id(), h.state(), h.memoryCommittedBytes() / (double) (1L << 30),
          h.spec().vmMemoryBytes() / (double) (1L << 30), h.vms().isEmpty() ? "-" : String.join(" ",
              h.vms().stream().map(VmId::name).toList()));
    }
    long running = cluster.vms().stream().filter(v -> v.state() == VmState.RUNNING).count();
    out.println("  VMs running: " + running + " of " + cluster.vms().size());
    Lun witness = cluster.storage().witness().orElseThrow();
    out.println("  witness LUN " + witness.id() + ": " + witness.state() + witness.owner().map(o -> " on " + o).orElse("")
        + " (reservation generation " + witness.reservationGeneration() + ")");
  }

  private static void summary(PrintWriter out, Simulation sim, Cluster cluster, Downtime downtime) {
    section(out, "Summary");
    out.println("  virtual time " + Timeline.time(sim.nowNanos()) + ", " + sim.eventCount() + " events, "
        + downtime.failovers + " group failovers");
    out.println("  VM downtime (virtual):");
    for (VirtualMachine vm : cluster.vms()) {
      long nanos = downtime.total(vm.id(), sim.nowNanos());
      out.printf("    %-8s %-8s on %-5s %s%n", vm.id(), vm.state(), vm.host().map(HostId::name).orElse("-"),
          nanos == 0 ? "no downtime" : Timeline.duration(nanos) + " down");
    }
    out.println("  trace hash " + sim.traceHash());
  }

  /** Sums, per VM, the virtual time after its first start during which it was not running. */
  private static final class Downtime implements ClusterListener {
    private final Map<VmId, Long> downSince = new TreeMap<>();
    private final Map<VmId, Long> total = new TreeMap<>();
    private final Map<VmId, Boolean> started = new TreeMap<>();
    int failovers;

    @Override
    public void onEvent(ClusterEvent event) {
      if (event instanceof FailoverStarted) {
        failovers++;
      }
      if (!(event instanceof VmStateChanged e)) {
        return;
      }
      if (e.to() == VmState.RUNNING) {
        Long since = downSince.remove(e.vm());
        if (since != null) {
          total.merge(e.vm(), e.timeNanos() - since, Long::sum);
        }
        started.put(e.vm(), true);
      } else if (e.from() == VmState.RUNNING && started.getOrDefault(e.vm(), false)) {
        downSince.put(e.vm(), e.timeNanos());
      }
    }

    long total(VmId vm, long now) {
      long t = total.getOrDefault(vm, 0L);
      Long since = downSince.get(vm);
      return since == null ? t : t + now - since;
    }
  }
}
