package io.hvcluster.cli;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterListener;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.QuorumStatus;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FailoverStarted;
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.report.Timeline;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster demo}: forms the embedded default cluster, starts its VMs, drains a node for
 * maintenance, crashes another and repairs it, and live-migrates a busy VM onto the repaired node,
 * printing a readable timeline and a summary. The output
 * depends only on the seed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs the embedded 4-node, 12-VM cluster through formation, maintenance, a host crash, repair"
        + " and a live migration.")
final class DemoCommand implements Callable<Integer> {
  /** The VM the live-migration step moves: the biggest, busiest guest. */
  private static final VmId BUSY = VmId.of("sql01");

  @Option(names = "--seed", defaultValue = "42", converter = SeedOption.class,
      description = "Master seed of the simulation, decimal or hex like 0x2A (default: ${DEFAULT-VALUE}).")
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
    Failovers failovers = new Failovers();
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      sim.addListener(event -> {
        if (details || !Timeline.isDetail(event)) {
          DemoTimeline.lines(event).forEach(out::println);
        }
      });
      sim.addListener(failovers);
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

      section(out, "5. Live migration (2008 R2): move the busy " + BUSY + " onto HV03 while it serves");
      liveMigrate(out, sim, cluster);
      sim.runFor(Duration.ofSeconds(30));
      state(out, sim, cluster);

      summary(out, sim, cluster, failovers);
    }
    return 0;
  }

  /**
   * Live-migrates the busy VM to the repaired node (or, if it already runs there, to the first other up
   * node with room) and prints its passes.
   */
  private static void liveMigrate(PrintWriter out, Simulation sim, Cluster cluster) {
    VirtualMachine vm = cluster.vm(BUSY);
    if (vm.state() != VmState.RUNNING || vm.host().isEmpty()) {
      out.println("  " + BUSY + " is " + vm.state() + "; nothing to migrate");
      return;
    }
    HostId from = vm.host().get();
    HostId to = null;
    for (Host h : cluster.hosts()) {
      boolean fits = h.memoryFreeBytes() >= vm.spec().memoryBytes() && h.state() == io.hvcluster.api.NodeState.UP;
      if (!h.id().equals(from) && fits && (to == null || h.id().equals(HostId.of("HV03")))) {
        to = h.id();
      }
    }
    if (to == null) {
      out.println("  no node has room for " + BUSY + "; nothing to migrate");
      return;
    }
    long workingSet = vm.spec().workload().workingSetBytes();
    out.printf(Locale.ROOT, "  %s: %d GiB, working set %d MiB, rewrites %d pages (%d MiB) a second; link %.0f MB/s%n",
        BUSY, vm.spec().memoryBytes() >> 30, workingSet >> 20, vm.spec().workload().dirtyPagesPerSecond(),
        vm.spec().workload().dirtyPagesPerSecond() * 4096 >> 20,
        cluster.spec().settings().costs().migrationLinkBytesPerSecond() / 1e6);
    MigrationHandle handle = cluster.migrate(BUSY, to, LiveMigration.withDefaults());
    sim.runUntil(handle::isDone, Duration.ofMinutes(10));
    MigrationResult r = handle.result().orElseThrow();
    out.println();
    out.println("  Passes of the live migration of " + BUSY + " (" + from + " → " + to + "):");
    boolean stopped = r.phases().stream().anyMatch(p -> p.name().equals("stop-and-copy"));
    for (MigrationPass p : r.passes()) {
      boolean last = stopped && p.index() == r.passes().size();
      out.printf(Locale.ROOT, "    pass %d  %,9d pages  %9s  %9s%s%n", p.index(), p.pages(), ByteSize.format(p.bytes()),
          Timeline.duration(p.durationNanos()), last ? "  stop-and-copy, VM frozen" : "  VM running");
    }
    out.println("    phases: " + String.join(", ", r.phases().stream()
        .map(p -> p.name() + " " + Timeline.duration(p.durationNanos())).toList()));
    say(out, "    " + r.outcome() + " in " + Timeline.duration(r.totalNanos()) + ", downtime "
        + Timeline.duration(r.downtimeNanos()) + (r.fellBackToQuick() ? " (fell back to quick migration)"
        : " (the stop-and-copy plus the handover of its dedicated LUN; on a Cluster Shared Volume only the"
        + " stop-and-copy)"));
  }

  private static void describe(PrintWriter out, ClusterSpec c) {
    out.println();
    say(out, "Cluster " + c.name() + ": " + c.hosts().size() + " nodes, quorum " + c.quorum() + ", "
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

  /** Prints prose wrapped to the demo's width, continuations indented under the first line's text. */
  private static void say(PrintWriter out, String line) {
    int indent = line.length() - line.stripLeading().length();
    DemoTimeline.wrap(line, indent + 2).forEach(out::println);
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

  private static void summary(PrintWriter out, Simulation sim, Cluster cluster, Failovers failovers) {
    section(out, "Summary");
    out.println("  virtual time " + Timeline.time(sim.nowNanos()) + ", " + sim.eventCount() + " events, "
        + failovers.count + " group failovers");
    // The cluster's availability account counts a live migration's blackout only, not its pre-copy.
    out.println("  VM downtime (virtual):");
    Map<VmId, Long> down = new TreeMap<>();
    cluster.availability().vms().forEach(a -> down.put(a.vm(), a.downNanos()));
    for (VirtualMachine vm : cluster.vms()) {
      long nanos = down.getOrDefault(vm.id(), 0L);
      out.printf("    %-8s %-8s on %-5s %s%n", vm.id(), vm.state(), vm.host().map(HostId::name).orElse("-"),
          nanos == 0 ? "no downtime" : Timeline.duration(nanos) + " down");
    }
    out.println("  trace hash " + sim.traceHash());
  }

  /** Counts the failovers the cluster starts. */
  private static final class Failovers implements ClusterListener {
    int count;

    @Override
    public void onEvent(ClusterEvent event) {
      if (event instanceof FailoverStarted) {
        count++;
      }
    }
  }
}
