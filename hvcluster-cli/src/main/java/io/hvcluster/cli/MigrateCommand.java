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
        + "for page against its guest workload.",
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

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  /** What one run produced: the migration's result, the page-for-page check, and its wall-clock time. */
  record Outcome(MigrationResult result, GuestWorkload.Verification check, long wallNanos, String vmHost) {
    boolean succeeded() {
      return check.ok() && result.outcome() != MigrationOutcome.FAILED;
    }
  }

  @Override
  public Integer call() throws IOException {
    MigrationStrategy chosen = strategy();
    ClusterSpec clusterSpec = clusterSpec();
    Path work = Files.createTempDirectory(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")),
        "hvcluster-migrate-");
    Outcome outcome;
    try {
      outcome = run(chosen, clusterSpec, work);
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
    long touched = (touchedBytes + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE;
    // VmSpec and WorkloadSpec check sizes against Hyper-V's limits and say what is allowed.
    VmSpec vm = VmSpec.builder(VM.name()).memoryBytes(memoryBytes).lun("lun-vm1").preferredOwners(SOURCE.name())
        .workload(new WorkloadSpec(touched, dirtyPagesPerSecond)).build();
    long hostGiB = Math.max(16, (memoryBytes + (1L << 30) - 1 >> 30) + 8);
    CostModel costs = CostModel.forStorage(StorageType.ISCSI).withMigrationLink(CostModel.gigabitLink(linkGbps));
    LunSpec lun = storage.equals("csv") ? LunSpec.sharedVolume("lun-vm1", 100) : LunSpec.data("lun-vm1", 100);
    ClusterSpec.Builder b = ClusterSpec.builder("MIGRATE").quorum(QuorumModel.NODE_MAJORITY)
        .storage(StorageSpec.iscsi(List.of(lun)))
        .settings(ClusterSettings.defaults(StorageType.ISCSI).withCosts(costs)).vm(vm);
    for (String host : List.of("n1", "n2", "n3")) {
      b.host(HostSpec.builder(host).memoryGiB(hostGiB).build());
    }
    return b.build();
  }

  private Outcome run(MigrationStrategy chosen, ClusterSpec clusterSpec, Path work) {
    Simulation.Builder builder = Simulation.builder().seed(seed).memoryBacking(MemoryBacking.REAL).workDirectory(work);
    try (Simulation sim = builder.build()) {
      Cluster cluster = sim.createCluster(clusterSpec);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      if (!cluster.vm(VM).host().equals(java.util.Optional.of(SOURCE))) {
        throw new IllegalStateException("the VM did not start on " + SOURCE + ": " + cluster.vm(VM).lastReason());
      }
      // Materializes the guest's memory (its working set) before the clock starts.
      cluster.vm(VM).memory();
      long wallStart = System.nanoTime();
      MigrationHandle handle = cluster.migrate(VM, TARGET, chosen);
      sim.runUntil(handle::isDone, Duration.ofHours(6));
      long wallNanos = System.nanoTime() - wallStart;
      MigrationResult r = handle.result().orElseThrow(() -> new IllegalStateException(
          "the migration did not end within 6 hours of virtual time"));
      GuestWorkload.Verification check = cluster.vm(VM).memory().isPresent()
          ? sim.verifyGuestMemory(cluster, VM) : new GuestWorkload.Verification(0, 0, "the VM holds no memory");
      return new Outcome(r, check, wallNanos, cluster.vm(VM).host().map(HostId::name).orElse(null));
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
