package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.api.spec.ReserveMethod;
import io.hvcluster.core.management.capacity.CapacityPlan;
import io.hvcluster.core.management.capacity.CapacityPlanner;
import io.hvcluster.core.management.capacity.ClusterReserve;
import io.hvcluster.core.management.capacity.MaintenanceWindow;
import io.hvcluster.core.management.capacity.ReserveReport;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationItem;
import io.hvcluster.core.management.validation.ValidationReport;
import io.hvcluster.core.management.validation.ValidationStatus;
import io.hvcluster.json.ClusterDescriptions;
import io.hvcluster.json.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster plan FILE [--json] [--emit DIR]}: plans hosts and clusters for the measured workloads
 * of a description, and checks the cluster reserve of the cluster it describes. The described cluster is
 * validated by the same rules as {@code hvcluster validate} ({@link ConfigurationValidator}), so that plan
 * never passes a cluster validate fails (17 nodes, say). Exit codes: 0 when the plan is feasible and the
 * described cluster passes validation and is not over-committed, 1 otherwise, 2 when the file is unusable or
 * holds nothing to plan.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Plans hosts and clusters with N+reserve headroom for measured workloads.",
        "Also reports whether the cluster the file describes is over-committed, with the arithmetic.",
        "The file format is documented in docs/cluster-description.md.",
        "The cluster it describes is validated as 'hvcluster validate' does; plan fails when validate would.",
        "Exit codes: 0 feasible, valid and not over-committed, 1 infeasible, over-committed or failing validation,"
            + " 2 unusable input."})
final class PlanCommand implements Callable<Integer> {
  private static final double GIB = 1L << 30;
  /** Digits kept of the derived numbers in the JSON output; a double holds about 16. */
  private static final int SIGNIFICANT_DIGITS = 12;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The cluster description (JSON).")
  Path file;

  @Option(names = "--json", description = "Print the plan as JSON, proposed clusters in full.")
  boolean json;

  @Option(names = "--emit", paramLabel = "DIR",
      description = "Write each proposed cluster, with the file's workloads and planning, to DIR/<cluster>.json.")
  Path emit;

  @Override
  public Integer call() throws IOException {
    ClusterDescription d = Commands.read(file);
    if (d.workloads().isEmpty() && d.hosts().isEmpty()) {
      throw new UnusableInputException(file + ": $: nothing to plan; describe measured servers in $.workloads or a"
          + " cluster in $.hosts", null);
    }
    CapacityPlan plan = d.workloads().isEmpty() ? null : CapacityPlanner.plan(d);
    ReserveReport reserve = d.hosts().isEmpty() ? null : ClusterReserve.evaluate(d);
    // One validation path: the rules of 'hvcluster validate', so that the two commands cannot disagree.
    ValidationReport validation = d.hosts().isEmpty() ? null : ConfigurationValidator.validate(d);
    MaintenanceWindow.Estimate window = window(d);
    List<Path> written = plan == null || emit == null ? List.of() : emit(d, plan);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = toJson(d, plan, reserve, validation);
      if (window != null) {
        ObjectNode w = root.putObject("maintenanceWindow");
        w.put("node", window.node().name());
        w.put("vms", window.vms());
        w.put("memoryGiB", rounded(window.memoryBytes() / GIB));
        w.put("drainSeconds", JsonOutput.seconds(window.drainNanos()));
        w.put("longestAloneSeconds", JsonOutput.seconds(window.longestAloneNanos()));
        strings(w.putArray("stranded"), window.stranded().stream().map(v -> v.name()).toList());
      }
      JsonOutput.print(out, root);
    } else {
      print(out, d, plan, reserve, written);
      if (validation != null) {
        printValidation(out, d, validation);
      }
      if (window != null) {
        out.println("Maintenance window of " + d.name() + " as described: " + window.describe());
      }
    }
    out.flush();
    boolean ok = (plan == null || plan.feasible()) && (reserve == null || !reserve.overCommitted())
        && (validation == null || !validation.failed());
    return ok ? 0 : 1;
  }

  /**
   * Simulates a drain of the described cluster's busiest node, with its VMs sharing the node's storage
   * path; null when the file describes no cluster with VMs, or one the engine cannot build.
   */
  private static MaintenanceWindow.Estimate window(ClusterDescription d) {
    if (d.hosts().size() < 2 || d.vms().isEmpty()) {
      return null;
    }
    io.hvcluster.api.spec.ClusterSpec spec;
    try {
      spec = d.toSpec();
    } catch (io.hvcluster.api.InvalidConfigurationException e) {
      return null;
    }
    return MaintenanceWindow.estimate(spec, 1);
  }

  private List<Path> emit(ClusterDescription d, CapacityPlan plan) throws IOException {
    Files.createDirectories(emit);
    List<Path> written = new ArrayList<>();
    for (ClusterDescription c : plan.clusters()) {
      ClusterDescription.Builder b = c.toBuilder();
      d.workloads().forEach(b::workload);
      d.planning().ifPresent(b::planning);
      Path target = emit.resolve(c.name() + ".json");
      Path temp = emit.resolve(c.name() + ".json.tmp");
      Files.writeString(temp, ClusterDescriptions.write(b.build()));
      Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      written.add(target);
    }
    return written;
  }

  private void print(PrintWriter out, ClusterDescription d, CapacityPlan plan, ReserveReport reserve, List<Path> written) {
    if (plan != null) {
      out.println("Capacity plan for " + d.name() + " (" + file + ")");
      plan.arithmetic().forEach(line -> out.println("  " + line));
      for (ClusterDescription c : plan.clusters()) {
        List<HostDescription> hosts = c.hosts();
        out.println("  proposed cluster " + c.name() + ": " + hosts.get(0).name() + " … " + hosts.get(hosts.size() - 1).name()
            + " (" + hosts.size() + " × " + hosts.get(0).cores() + " cores, " + fmt(hosts.get(0).memoryGiB()) + " GiB, "
            + hosts.get(0).installation() + ")");
      }
      written.forEach(p -> out.println("  wrote " + p));
      out.println("Result: " + (plan.feasible() ? "" : "INFEASIBLE, ") + plan.totalHosts() + " hosts in "
          + plan.clusters().size() + " cluster" + (plan.clusters().size() == 1 ? "" : "s") + " for " + plan.vmCount()
          + " VMs");
    }
    if (reserve != null) {
      out.println("Cluster reserve of " + d.name() + " as described (" + d.hosts().size() + " nodes, " + d.vms().size()
          + " VMs)");
      out.println("  method: " + reserve.method().description() + ", the default of era " + d.effectiveEra().name()
          + (d.era().isPresent() ? "" : " (no era stated)"));
      reserve.arithmetic().forEach(line -> out.println("  " + line));
      out.println("Result: " + (reserve.overCommitted() ? "OVER-COMMITTED" : "not over-committed"));
    }
  }

  private void printValidation(PrintWriter out, ClusterDescription d, ValidationReport report) {
    out.println("Validation of " + d.name() + " as described: " + report.status() + " ("
        + report.count(ValidationStatus.FAIL) + " failed, " + report.count(ValidationStatus.WARN) + " warnings, "
        + report.count(ValidationStatus.PASS) + " passed)");
    for (ValidationItem i : report.items()) {
      if (i.status() == ValidationStatus.FAIL) {
        out.println("  FAIL " + i.rule().id() + " " + i.subject() + ": " + i.reason());
      }
    }
    out.println("Result: " + (report.failed() ? "FAILS VALIDATION; 'hvcluster validate " + InputFiles.printable(file.toString())
        + "' lists every item" : "passes validation"));
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static ObjectNode toJson(ClusterDescription d, CapacityPlan plan, ReserveReport reserve,
      ValidationReport validation) {
    ObjectNode root = JsonOutput.root();
    root.put("cluster", d.name());
    if (plan != null) {
      ObjectNode p = root.putObject("plan");
      p.put("vmCount", plan.vmCount());
      p.put("memoryGiB", rounded(plan.memoryBytes() / GIB));
      p.put("cpuCores", rounded(plan.cpuCores()));
      p.put("iops", rounded(plan.iops()));
      p.put("networkMbps", rounded(plan.networkMbps()));
      p.put("activeHosts", plan.activeHosts());
      p.put("reserve", plan.reserve());
      p.put("totalHosts", plan.totalHosts());
      p.put("feasible", plan.feasible());
      strings(p.putArray("unplaceable"), plan.unplaceable());
      strings(p.putArray("arithmetic"), plan.arithmetic());
      ArrayNode clusters = p.putArray("clusters");
      for (ClusterDescription c : plan.clusters()) {
        clusters.add(ClusterDescriptions.toJsonTree(c));
      }
    }
    if (reserve != null) {
      ObjectNode r = root.putObject("reserve");
      r.put("method", reserve.method() == ReserveMethod.SLOTS ? "slots" : "bin-packing");
      r.put("era", d.effectiveEra().name());
      r.put("reserve", reserve.reserve());
      r.put("hosts", reserve.hosts());
      strings(r.putArray("failedHosts"), reserve.failedHosts());
      r.put("survivingCapacityGiB", rounded(reserve.survivingCapacityBytes() / GIB));
      r.put("demandGiB", rounded(reserve.demandBytes() / GIB));
      r.put("vmCount", reserve.vmCount());
      r.put("overCommitted", reserve.overCommitted());
      strings(r.putArray("unplaced"), reserve.unplaced());
      strings(r.putArray("arithmetic"), reserve.arithmetic());
    }
    if (validation != null) {
      ObjectNode v = root.putObject("validation");
      v.put("status", validation.status().name());
      v.put("failed", validation.count(ValidationStatus.FAIL));
      v.put("warnings", validation.count(ValidationStatus.WARN));
      v.put("passed", validation.count(ValidationStatus.PASS));
      ValidateCommand.items(v.putArray("failures"), validation.items().stream()
          .filter(i -> i.status() == ValidationStatus.FAIL).toList());
    }
    return root;
  }

  /**
   * Returns a derived number rounded to 12 significant digits. A sum of many inputs picks up binary
   * rounding noise in the last of a double's 16 digits (36.8 comes out as 36.800000000000004), which the
   * JSON should not show; 12 digits drop the noise and keep more than any description's inputs carry.
   */
  static double rounded(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return value;
    }
    return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
