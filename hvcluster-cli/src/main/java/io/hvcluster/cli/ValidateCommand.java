package io.hvcluster.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.validation.ConfigurationValidator;
import io.hvcluster.core.management.validation.ValidationItem;
import io.hvcluster.core.management.validation.ValidationReport;
import io.hvcluster.core.management.validation.ValidationStatus;
import io.hvcluster.json.InputFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hvcluster validate FILE [--json]}: validates a cluster description like the Validate a
 * Configuration wizard. Exit codes: 0 when no item fails, 1 when any does, 2 when the file is unusable.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validates a cluster description like the Validate a Configuration wizard.",
        "Prints PASS, WARN or FAIL items with reasons, after WSFC's checks and the seed's best practices.",
        "The file format is documented in docs/cluster-description.md.",
        "Exit codes: 0 no item failed, 1 an item failed, 2 unusable input."})
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The cluster description (JSON).")
  Path file;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    ClusterDescription description = Commands.read(file);
    ValidationReport report = ConfigurationValidator.validate(description);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, toJson(report));
    } else {
      print(out, description, report);
    }
    out.flush();
    return report.failed() ? 1 : 0;
  }

  private void print(PrintWriter out, ClusterDescription d, ValidationReport report) {
    out.println("Validate a Configuration: cluster " + d.name() + ", " + d.hosts().size() + " nodes, " + d.vms().size()
        + " VMs (" + InputFiles.printable(file.toString()) + ")");
    for (ValidationItem i : report.items()) {
      out.println(String.format(Locale.ROOT, "%-4s  %-21s %-24s %s: %s", i.status(), i.rule().category().title(),
          i.rule().id(), i.subject(), i.reason()));
    }
    out.println("Result: " + report.status() + " (" + report.count(ValidationStatus.FAIL) + " failed, "
        + report.count(ValidationStatus.WARN) + " warnings, " + report.count(ValidationStatus.PASS) + " passed)");
  }

  static ObjectNode toJson(ValidationReport report) {
    ObjectNode root = JsonOutput.root();
    root.put("cluster", report.cluster());
    root.put("status", report.status().name());
    ObjectNode counts = root.putObject("counts");
    for (ValidationStatus s : ValidationStatus.values()) {
      counts.put(s.name().toLowerCase(Locale.ROOT), report.count(s));
    }
    items(root.putArray("items"), report.items());
    return root;
  }

  /** Writes validation items as the objects of {@code items[]} (docs/json-output.md). */
  static void items(ArrayNode items, List<ValidationItem> values) {
    for (ValidationItem i : values) {
      ObjectNode item = items.addObject();
      item.put("status", i.status().name());
      item.put("category", i.rule().category().name());
      item.put("rule", i.rule().id());
      item.put("subject", i.subject());
      item.put("reason", i.reason());
    }
  }
}
