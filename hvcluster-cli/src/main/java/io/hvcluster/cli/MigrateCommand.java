package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.api.Cluster;
import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.memory.GuestWorkload;
import io.hvcluster.core.migration.LiveMigration;
import io.hvcluster.core.migration.QuickMigration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster migrate}: migrates one VM with real memory between two nodes of a three-node cluster
 * and checks, page for page, that its memory arrived intact. Virtual times come from the simulation;
 * the wall-clock time of the run is read here, in the CLI, never in the library.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs one Quick or Live Migration of a VM with REAL memory (sparse files in a temporary "
        + "directory, deleted afterwards) from n1 to n2 of a 3-node cluster, and verifies the VM's memory page "
        + "for page against its guest workload. With --concurrent N, N such VMs leave n1 at once (to n2 and n3 "
        + "in turn) and share its storage path and migration network; live migrations queue, one at a time.",
        "Exit code: 0 when the memory verified and the VM runs; 1 otherwise; 2 for bad input."})
final class MigrateCommand implements Callable<Integer> {
  private static final VmId VM = VmId.of("vm1");
  private static final HostId SOURCE = HostId.of("n1");
  private static final HostId TARGET = HostId.of("n2");

  @Spec CommandSpec spec;

  @Option(names = "--strategy", paramLabel = "quick|live", defaultValue = "live",
      description = "quick (save, move the LUN, restore) or live (pre-copy over the migration link);"
          + " default ${DEFAULT-VALUE}.")
  String strategy;

  @Option(names = "--memory", paramLabel = "SIZE", converter = ByteSize.class, defaultValue = "1GiB",
      description = "The VM's memory, e.g. 2GiB or 512MiB (8 MiB to 64 GiB); default ${DEFAULT-VALUE}.")
  long memoryBytes;

  @Option(names = "--touched", paramLabel = "SIZE", converter = ByteSize.class, defaultValue = "256MiB",
      description = "The guest's working set: memory it touches and keeps rewriting; default ${DEFAULT-VALUE}.")
  long touchedBytes;

  @Option(names = "--dirty-pages-per-second", paramLabel = "N", defaultValue = "2000",
      description = "4 KiB pages the guest rewrites per second of virtual time (0 to 1000000000); default"
          + " ${DEFAULT-VALUE}.")
  @Range(min = 0, max = 1_000_000_000)
  long dirtyPagesPerSecond;

  @Option(names = "--link-gbps", paramLabel = "G", defaultValue = "1",
      description = "Line rate of the migration network in Gbit/s (used at 95 %%; 0.001 to 1000); default"
          + " ${DEFAULT-VALUE}.")
  @Range(min = 0.001, max = 1000)
  double linkGbps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", converter = SeedOption.class,
      description = "Master seed, decimal or hex like 0x1F; default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--storage", paramLabel = "lun|csv", defaultValue = "lun",
      description = "The VM's storage: a dedicated LUN, handed over inside the blackout, or a Cluster Shared "
          + "Volume; default ${DEFAULT-VALUE}.")
  String storage;

  @Option(names = "--downtime-limit-ms", paramLabel = "MS", defaultValue = "300",
      description = "Live: the longest stop-and-copy at link speed (more than 0, at most 3600000); default"
          + " ${DEFAULT-VALUE}.")
  @Range(min = 0, max = 3_600_000, aboveMin = true)
  long downtimeLimitMillis;

  @Option(names = "--max-passes", paramLabel = "N", defaultValue = "5",
      description = "Live: the most memory-copy passes, the stop-and-copy included (2 to 1000); default"
          + " ${DEFAULT-VALUE}.")
  @Range(min = 2, max = 1000)
  int maxPasses;

  @Option(names = "--auto-converge",
      description = "Live: throttle a guest that dirties memory faster than it is sent.")
  boolean autoConverge;

  @Option(names = "--fallback", paramLabel = "quick|fail", defaultValue = "quick",
      description = "Live, when the pre-copy cannot converge: quick migration, or fail (the VM stays on the "
          + "source); default ${DEFAULT-VALUE}.")
  String fallback;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the temporary directory for the memory files goes; default the system's temporary"
          + " directory.")
  Path dir;

  @Option(names = "--concurrent", paramLabel = "N", defaultValue = "1",
      description = "How many VMs of this size leave n1 at once (1 to 16), to n2 and n3 in turn; the report"
          + " compares the time they all take with one alone; default ${DEFAULT-VALUE}.")
  @Range(min = 1, max = 16)
  int concurrent;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  /**
   * What one run produced: the first VM's migration result, its page-for-page check and its host after; the
   * wall-clock time of the migrations; and with {@code --concurrent} every VM's migration and check, the
   * virtual time until the last ended, and the time one alone takes.
   */
  record Outcome(MigrationResult result, GuestWorkload.Verification check, long wallNanos, String vmHost,
      List<Moved> all, long allNanos, long aloneNanos) {
    boolean succeeded() {
      return all.stream().allMatch(m -> m.check().ok() && m.result().outcome() != MigrationOutcome.FAILED);
    }
  }

  /** One VM's migration in a run, its check and where it runs afterwards. */
  record Moved(MigrationResult result, GuestWorkload.Verification check, String vmHost) {}

  @Override
  public Integer call() throws IOException {
    MigrationStrategy chosen = strategy();
    ClusterSpec clusterSpec = clusterSpec();
    Path work = Files.createTempDirectory(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")),
        "hvcluster-migrate-");
    Outcome outcome;
    try {
      outcome = run(chosen, clusterSpec, work);
      if (concurrent > 1) {
        Outcome alone = run(chosen, clusterSpec(1), work);
        outcome = new Outcome(outcome.result(), outcome.check(), outcome.wallNanos(), outcome.vmHost(), outcome.all(),
            outcome.allNanos(), alone.allNanos());
      }
    } finally {
      ScratchDirectory.deleteTree(work);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(w, json(outcome));
    } else {
      text(w, outcome);
    }
    return outcome.succeeded() ? 0 : 1;
  }

  private MigrationStrategy strategy() {
    if (!List.of("lun", "csv").contains(storage)) {
      throw bad("--storage '" + storage + "' is not a kind of storage; use lun or csv");
    }
    switch (strategy) {
      case "quick":
        return QuickMigration.lazy();
      case "live":
        break;
      default:
        throw bad("--strategy '" + strategy + "' is not a migration strategy; use quick or live");
    }
    LiveMigration.Fallback onFailure = switch (fallback) {
      case "quick" -> LiveMigration.Fallback.QUICK;
      case "fail" -> LiveMigration.Fallback.FAIL;
      default -> throw bad("--fallback '" + fallback + "' is not a fallback; use quick or fail");
    };
    return LiveMigration.builder().downtimeLimit(Duration.ofMillis(downtimeLimitMillis)).maxPasses(maxPasses)
        .autoConverge(autoConverge).fallback(onFailure).build();
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private ClusterSpec clusterSpec() {
    return clusterSpec(concurrent);
  }

  /** A 3-node cluster with {@code vms} VMs of the chosen size on n1, each on its own LUN (or all on one CSV). */
  private ClusterSpec clusterSpec(int vms) {
    long touched = (touchedBytes + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
    long hostGiB = Math.max(16, (vms * memoryBytes + (1L << 30) - 1 >> 30) + 8);
    CostModel costs = CostModel.forStorage(StorageType.ISCSI).withMigrationLink(CostModel.gigabitLink(linkGbps));
    List<LunSpec> luns = new java.util.ArrayList<>();
    ClusterSpec.Builder b = ClusterSpec.builder("MIGRATE").quorum(QuorumModel.NODE_MAJORITY)
        .settings(ClusterSettings.defaults(StorageType.ISCSI).withCosts(costs));
    for (int i = 1; i <= vms; i++) {
      String lun = storage.equals("csv") ? "lun-vm1" : "lun-vm" + i;
      if (i == 1 || !storage.equals("csv")) {
        luns.add(storage.equals("csv") ? LunSpec.sharedVolume(lun, 100L * vms) : LunSpec.data(lun, 100));
      }
      // VmSpec and WorkloadSpec check sizes against Hyper-V's limits and say what is allowed.
      b.vm(VmSpec.builder("vm" + i).memoryBytes(memoryBytes).lun(lun).preferredOwners(SOURCE.name())
          .workload(new WorkloadSpec(touched, dirtyPagesPerSecond)).build());
    }
    b.storage(StorageSpec.iscsi(luns));
    for (String host : List.of("n1", "n2", "n3")) {
      b.host(HostSpec.builder(host).memoryGiB(hostGiB).build());
    }
    return b.build();
  }

  /** The node the i-th VM (from 1) moves to: n2, n3, n2, ... */
  private static HostId targetOf(int i) {
    return i % 2 == 1 ? TARGET : HostId.of("n3");
  }

  private Outcome run(MigrationStrategy chosen, ClusterSpec clusterSpec, Path work) {
    Simulation.Builder builder = Simulation.builder().seed(seed).memoryBacking(MemoryBacking.REAL).workDirectory(work);
    try (Simulation sim = builder.build()) {
      Cluster cluster = sim.createCluster(clusterSpec);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      List<VmId> vms = cluster.spec().vms().stream().map(VmSpec::id).toList();
      for (VmId vm : vms) {
        if (!cluster.vm(vm).host().equals(java.util.Optional.of(SOURCE))) {
          throw new IllegalStateException(vm + " did not start on " + SOURCE + ": " + cluster.vm(vm).lastReason());
        }
        // Materializes the guest's memory (its working set) before the clock starts.
        cluster.vm(vm).memory();
      }
      long wallStart = System.nanoTime();
      long virtualStart = sim.now().toNanos();
      List<MigrationHandle> handles = new java.util.ArrayList<>();
      for (int i = 0; i < vms.size(); i++) {
        handles.add(cluster.migrate(vms.get(i), targetOf(i + 1), chosen));
      }
      sim.runUntil(() -> handles.stream().allMatch(MigrationHandle::isDone), Duration.ofHours(6));
      long wallNanos = System.nanoTime() - wallStart;
      long allNanos = sim.now().toNanos() - virtualStart;
      List<Moved> all = new java.util.ArrayList<>();
      for (int i = 0; i < vms.size(); i++) {
        VmId vm = vms.get(i);
        MigrationResult r = handles.get(i).result().orElseThrow(() -> new IllegalStateException(
            "the migrations did not end within 6 hours of virtual time"));
        GuestWorkload.Verification check = cluster.vm(vm).memory().isPresent()
            ? sim.verifyGuestMemory(cluster, vm) : new GuestWorkload.Verification(0, 0, "the VM holds no memory");
        all.add(new Moved(r, check, cluster.vm(vm).host().map(HostId::name).orElse(null)));
      }
      // From the first request to the last end, as the migrations themselves recorded it.
      allNanos = all.stream().mapToLong(m -> m.result().endNanos()).max().orElse(0)
          - all.stream().mapToLong(m -> m.result().startNanos()).min().orElse(0);
      Moved first = all.get(0);
      return new Outcome(first.result(), first.check(), wallNanos, first.vmHost(), all, allNanos, allNanos);
    }
  }

  private long touchedRounded() {
    return (touchedBytes + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
  }

  /**
   * Returns a run as its {@code --json} object (docs/json-output.md); the version-1 fields in
   * milliseconds follow the current ones, deprecated.
   */
  ObjectNode json(Outcome o) {
    MigrationResult r = o.result();
    ObjectNode out = JsonOutput.root();
    out.put("strategy", r.strategy());
    out.put("outcome", r.outcome().name());
    ArrayNode passes = out.putArray("passes");
    for (MigrationPass p : r.passes()) {
      passes.addObject().put("index", p.index()).put("pages", p.pages()).put("bytes", p.bytes())
          .put("durationSeconds", JsonOutput.seconds(p.durationNanos()))
          .put("durationMillis", millis(p.durationNanos()));
    }
    out.put("passCount", r.passes().size());
    out.put("downtimeSeconds", JsonOutput.seconds(r.downtimeNanos()));
    out.put("totalSeconds", JsonOutput.seconds(r.totalNanos()));
    out.put("bytesTransferred", r.bytesTransferred());
    out.put("memoryVerified", o.check().ok());
    out.put("pagesVerified", o.check().pagesChecked());
    out.put("fellBackToQuick", r.fellBackToQuick());
    out.put("reason", r.reason());
    out.put("vmHost", o.vmHost());
    out.put("memoryBytes", memoryBytes);
    out.put("touchedBytes", touchedRounded());
    out.put("dirtyPagesPerSecond", dirtyPagesPerSecond);
    out.put("linkGbps", linkGbps);
    out.put("storage", storage);
    out.put("seed", JsonOutput.seed(seed));
    ArrayNode phases = out.putArray("phases");
    r.phases().forEach(p -> phases.addObject().put("name", p.name())
        .put("durationSeconds", JsonOutput.seconds(p.durationNanos()))
        .put("durationMillis", millis(p.durationNanos())));
    out.put("wallSeconds", JsonOutput.wallSeconds(o.wallNanos()));
    if (!o.check().ok()) {
      out.put("verificationProblem", o.check().problem());
    }
    out.put("concurrent", concurrent);
    if (concurrent > 1) {
      out.put("allMovedSeconds", JsonOutput.seconds(o.allNanos()));
      out.put("aloneSeconds", JsonOutput.seconds(o.aloneNanos()));
      ArrayNode moved = out.putArray("migrations");
      for (Moved m : o.all()) {
        moved.addObject().put("vm", m.result().vm().name()).put("target", m.result().target().name())
            .put("outcome", m.result().outcome().name())
            .put("totalSeconds", JsonOutput.seconds(m.result().totalNanos()))
            .put("queuedSeconds", JsonOutput.seconds(m.result().queuedNanos()))
            .put("downtimeSeconds", JsonOutput.seconds(m.result().downtimeNanos()))
            .put("memoryVerified", m.check().ok()).put("vmHost", m.vmHost());
      }
    }
    out.put("downtimeMillis", millis(r.downtimeNanos()));
    out.put("totalMillis", millis(r.totalNanos()));
    return out;
  }

  private void text(PrintWriter w, Outcome o) {
    MigrationResult r = o.result();
    w.printf(Locale.ROOT, "%s migration of %s (%s, %s touched, %d dirty pages/s) from %s to %s, %s storage,"
        + " %s Gbit/s migration link, seed %d%n", r.strategy(), VM, ByteSize.format(memoryBytes),
        ByteSize.format(touchedRounded()), dirtyPagesPerSecond, SOURCE, TARGET,
        storage.equals("csv") ? "CSV" : "dedicated LUN", trim(linkGbps), seed);
    if (!r.passes().isEmpty()) {
      boolean stopped = r.phases().stream().anyMatch(p -> "stop-and-copy".equals(p.name()));
      w.println("  pass      pages        bytes     virtual time");
      for (MigrationPass p : r.passes()) {
        boolean last = stopped && p == r.passes().get(r.passes().size() - 1);
        w.printf(Locale.ROOT, "  %4d %10d %12s %13.3f ms%s%n", p.index(), p.pages(), ByteSize.format(p.bytes()),
            millis(p.durationNanos()), last ? "  stop-and-copy (VM frozen)" : "");
      }
    }
    w.println("  phases           " + String.join(", ", r.phases().stream()
        .map(p -> p.name() + String.format(Locale.ROOT, " %.3f ms", millis(p.durationNanos()))).toList()));
    w.println("  outcome          " + r.outcome() + " (" + r.reason() + "); the VM runs on "
        + (o.vmHost() == null ? "no node" : o.vmHost()));
    w.printf(Locale.ROOT, "  downtime         %.3f ms (virtual)%n", millis(r.downtimeNanos()));
    w.printf(Locale.ROOT, "  total            %.3f ms (virtual)%n", millis(r.totalNanos()));
    w.println("  transferred      " + ByteSize.format(r.bytesTransferred()));
    w.println("  fell back        " + (r.fellBackToQuick() ? "yes, to quick migration" : "no"));
    w.println("  memory verified  " + (o.check().ok()
        ? "yes, " + o.check().pagesChecked() + " pages match the guest's writes"
        : "NO: " + o.check().problem()));
    if (concurrent > 1) {
      w.printf(Locale.ROOT, "  concurrent       %d VMs left %s at once: the last arrived after %s (virtual); one alone"
          + " takes %s, so together they took %.1f times as long%n", concurrent, SOURCE, Durations.words(o.allNanos() / 1e9),
          Durations.words(o.aloneNanos() / 1e9), o.allNanos() / (double) o.aloneNanos());
      for (Moved m : o.all()) {
        MigrationResult each = m.result();
        w.printf(Locale.ROOT, "    %-5s to %s  %-11s total %9.3f s  queued %8.3f s  downtime %9.3f s  memory %s%n",
            each.vm(), each.target(), each.outcome(), each.totalNanos() / 1e9, each.queuedNanos() / 1e9,
            each.downtimeNanos() / 1e9, m.check().ok() ? "verified" : "NOT verified");
      }
    }
    w.printf(Locale.ROOT, "  wall time        %.3f s%n", o.wallNanos() / 1e9);
    w.flush();
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
