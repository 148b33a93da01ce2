package io.hvcluster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
      description = "4 KiB pages the guest rewrites per second of virtual time; default ${DEFAULT-VALUE}.")
  long dirtyPagesPerSecond;

  @Option(names = "--link-gbps", paramLabel = "G", defaultValue = "1",
      description = "Line rate of the migration network in Gbit/s (used at 95 %); default ${DEFAULT-VALUE}.")
  double linkGbps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Master seed; default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--storage", paramLabel = "lun|csv", defaultValue = "lun",
      description = "The VM's storage: a dedicated LUN, handed over inside the blackout, or a Cluster Shared "
          + "Volume; default ${DEFAULT-VALUE}.")
  String storage;

  @Option(names = "--downtime-limit-ms", paramLabel = "MS", defaultValue = "300",
      description = "Live: the longest stop-and-copy at link speed; default ${DEFAULT-VALUE}.")
  long downtimeLimitMillis;

  @Option(names = "--max-passes", paramLabel = "N", defaultValue = "5",
      description = "Live: the most memory-copy passes, the stop-and-copy included; default ${DEFAULT-VALUE}.")
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

  @Override
  public Integer call() throws IOException {
    MigrationStrategy chosen = strategy();
    ClusterSpec clusterSpec = clusterSpec();
    Path work = Files.createTempDirectory(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")),
        "hvcluster-migrate-");
    Map<String, Object> out;
    try {
      out = run(chosen, clusterSpec, work);
    } finally {
      deleteTree(work);
    }
    print(out);
    return Boolean.TRUE.equals(out.get("memoryVerified")) && !"FAILED".equals(out.get("outcome")) ? 0 : 1;
  }

  private MigrationStrategy strategy() {
    if (!List.of("lun", "csv").contains(storage)) {
      throw bad("--storage '" + storage + "' is not a kind of storage; use lun or csv");
    }
    if (dirtyPagesPerSecond < 0 || dirtyPagesPerSecond > 1_000_000_000L) {
      throw bad("--dirty-pages-per-second " + dirtyPagesPerSecond + " is out of range; allowed: 0 to 1000000000");
    }
    if (!(linkGbps >= 0.001 && linkGbps <= 1000)) {
      throw bad("--link-gbps " + linkGbps + " is out of range; allowed: 0.001 to 1000");
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
    if (downtimeLimitMillis <= 0) {
      throw bad("--downtime-limit-ms " + downtimeLimitMillis + " must be positive");
    }
    // The builder's own checks (passes 2 to 1000) surface as one-line errors with exit code 2.
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

  private Map<String, Object> run(MigrationStrategy chosen, ClusterSpec clusterSpec, Path work) {
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
      return report(r, check, wallNanos, cluster.vm(VM).host().map(HostId::name).orElse(null));
    }
  }

  private Map<String, Object> report(MigrationResult r, GuestWorkload.Verification check, long wallNanos, String host) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("strategy", r.strategy());
    out.put("outcome", r.outcome().name());
    List<Map<String, Object>> passes = new ArrayList<>();
    for (MigrationPass p : r.passes()) {
      Map<String, Object> pass = new LinkedHashMap<>();
      pass.put("index", p.index());
      pass.put("pages", p.pages());
      pass.put("bytes", p.bytes());
      pass.put("durationMillis", millis(p.durationNanos()));
      passes.add(pass);
    }
    out.put("passes", passes);
    out.put("passCount", passes.size());
    out.put("downtimeMillis", millis(r.downtimeNanos()));
    out.put("totalMillis", millis(r.totalNanos()));
    out.put("bytesTransferred", r.bytesTransferred());
    out.put("memoryVerified", check.ok());
    out.put("pagesVerified", check.pagesChecked());
    out.put("fellBackToQuick", r.fellBackToQuick());
    out.put("reason", r.reason());
    out.put("vmHost", host);
    out.put("memoryBytes", memoryBytes);
    out.put("touchedBytes", (touchedBytes + GuestMemory.PAGE_SIZE - 1) / GuestMemory.PAGE_SIZE * GuestMemory.PAGE_SIZE);
    out.put("dirtyPagesPerSecond", dirtyPagesPerSecond);
    out.put("linkGbps", linkGbps);
    out.put("storage", storage);
    out.put("seed", seed);
    List<Map<String, Object>> phases = new ArrayList<>();
    r.phases().forEach(p -> {
      Map<String, Object> phase = new LinkedHashMap<>();
      phase.put("name", p.name());
      phase.put("durationMillis", millis(p.durationNanos()));
      phases.add(phase);
    });
    out.put("phases", phases);
    out.put("wallSeconds", Math.round(wallNanos / 1e6) / 1e3);
    if (!check.ok()) {
      out.put("verificationProblem", check.problem());
    }
    return out;
  }

  private void print(Map<String, Object> out) throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
      w.flush();
      return;
    }
    w.printf(Locale.ROOT, "%s migration of %s (%s, %s touched, %d dirty pages/s) from %s to %s, %s storage,"
        + " %s Gbit/s migration link, seed %d%n", out.get("strategy"), VM, ByteSize.format(memoryBytes),
        ByteSize.format((Long) out.get("touchedBytes")), dirtyPagesPerSecond, SOURCE, TARGET,
        storage.equals("csv") ? "CSV" : "dedicated LUN", trim(linkGbps), seed);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> passes = (List<Map<String, Object>>) out.get("passes");
    if (!passes.isEmpty()) {
      boolean stopped = phases(out).stream().anyMatch(p -> "stop-and-copy".equals(p.get("name")));
      w.println("  pass      pages        bytes     virtual time");
      for (Map<String, Object> p : passes) {
        boolean last = stopped && p == passes.get(passes.size() - 1);
        w.printf(Locale.ROOT, "  %4d %10d %12s %13.3f ms%s%n", p.get("index"), p.get("pages"),
            ByteSize.format((Long) p.get("bytes")), p.get("durationMillis"), last ? "  stop-and-copy (VM frozen)" : "");
      }
    }
    List<Map<String, Object>> phases = phases(out);
    StringBuilder line = new StringBuilder();
    phases.forEach(p -> line.append(line.length() == 0 ? "" : ", ").append(p.get("name")).append(' ')
        .append(String.format(Locale.ROOT, "%.3f ms", p.get("durationMillis"))));
    w.println("  phases           " + line);
    w.println("  outcome          " + out.get("outcome") + " (" + out.get("reason") + "); the VM runs on "
        + (out.get("vmHost") == null ? "no node" : out.get("vmHost")));
    w.printf(Locale.ROOT, "  downtime         %.3f ms (virtual)%n", out.get("downtimeMillis"));
    w.printf(Locale.ROOT, "  total            %.3f ms (virtual)%n", out.get("totalMillis"));
    w.println("  transferred      " + ByteSize.format((Long) out.get("bytesTransferred")));
    boolean fellBack = Boolean.TRUE.equals(out.get("fellBackToQuick"));
    w.println("  fell back        " + (fellBack ? "yes, to quick migration" : "no"));
    w.println("  memory verified  " + (Boolean.TRUE.equals(out.get("memoryVerified"))
        ? "yes, " + out.get("pagesVerified") + " pages match the guest's writes"
        : "NO: " + out.get("verificationProblem")));
    w.printf(Locale.ROOT, "  wall time        %.3f s%n", out.get("wallSeconds"));
    w.flush();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> phases(Map<String, Object> out) {
    return (List<Map<String, Object>>) out.get("phases");
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
