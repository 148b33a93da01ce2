package io.hvcluster.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.api.HostId;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.spec.ClusterNetwork;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.Era;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.HostDescription;
import io.hvcluster.core.management.description.InvalidDescriptionException;
import io.hvcluster.core.management.description.LunDescription;
import io.hvcluster.core.management.description.VmDescription;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads scenario files (docs/scenario-format.md) strictly: unknown or duplicate fields, wrong types,
 * unknown actions, names that are not in the cluster, actions after the end of the run and unreadable
 * fault plans are all refused with one line naming the file and the JSON path, for example
 * {@code retail.json: $.actions[2].host: host 'node9' is not in the cluster; its hosts: node1, node2}.
 * Files a scenario names (its cluster, its fault plan) are resolved against the scenario's directory and
 * read by the same {@link InputFiles} reader.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * Scenario scenario = ScenarioFiles.read(Path.of("examples/retail-host-failure.json"));
 * ScenarioResult result = ScenarioRunner.run(scenario);
 * String hash = result.record().traceHash();
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ScenarioFiles {
  private static final List<String> TOP = List.of("name", "description", "cluster", "era", "seed", "duration",
      "startVms", "actions", "faults");

  private final Path file;

  private ScenarioFiles(Path file) {
    this.file = file;
  }

  /**
   * Reads and checks a scenario file, its cluster and its fault plan.
   *
   * @param file the scenario file
   * @return the scenario
   * @throws InvalidInputException for the first problem, with a one-line message naming the file and the
   *     JSON path
   */
  public static Scenario read(Path file) {
    return new ScenarioFiles(file).read();
  }

  private InvalidInputException fail(String path, String problem) {
    return new InvalidInputException(file, file + ": " + path + ": " + problem, null);
  }

  private Scenario read() {
    String text = readText(file, "$");
    JsonNode root;
    try {
      root = ClusterDescriptions.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      InvalidDescriptionException d = ClusterDescriptions.translate(e);
      throw new InvalidInputException(file, file + ": " + d.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw fail("$", "the file is empty; expected a scenario object with \"cluster\", \"duration\" and \"actions\"");
    }
    if (!root.isObject()) {
      throw fail("$", "expected a scenario object with \"cluster\", \"duration\" and \"actions\", found "
          + JsonNodes.kind(root));
    }
    if (!root.has("cluster") && (root.has("hosts") || root.has("vms") || root.has("workloads"))) {
      throw new InvalidInputException(file, file + ": this is a cluster description, not a scenario; name it in a scenario's"
          + " \"cluster\" field (docs/scenario-format.md), or check it with 'hvcluster validate " + file + "'", null);
    }
    onlyFields(root, "$", TOP);
    String name = optionalText(root, "name").orElse(defaultName());
    String description = optionalText(root, "description").orElse("");
    JsonNode clusterNode = required(root, "cluster", "$");
    ClusterDescription cluster;
    String clusterSource;
    if (clusterNode.isTextual()) {
      Path clusterFile = sibling(clusterNode.textValue(), "$.cluster");
      clusterSource = clusterFile.toString();
      cluster = description(clusterFile);
    } else if (clusterNode.isObject()) {
      clusterSource = "$.cluster";
      cluster = inlineDescription(clusterNode);
    } else {
      throw fail("$.cluster", "expected a cluster description object or the path of a description file, found "
          + JsonNodes.kind(clusterNode));
    }
    if (present(root, "era")) {
      JsonNode e = root.get("era");
      if (!e.isTextual()) {
        throw fail("$.era", "expected an era name (WS2008, WS2008_R2, WS2012), found " + JsonNodes.kind(e));
      }
      try {
        cluster = cluster.toBuilder().era(Era.parse(e.textValue())).build();
      } catch (IllegalArgumentException bad) {
        throw fail("$.era", bad.getMessage());
      }
    }
    ClusterSpec spec = spec(cluster, clusterSource);
    long seed = Scenario.DEFAULT_SEED;
    if (present(root, "seed")) {
      JsonNode s = root.get("seed");
      if (!s.isIntegralNumber() || !s.canConvertToLong()) {
        throw fail("$.seed", "expected a whole number, found " + JsonNodes.kind(s));
      }
      seed = s.longValue();
    }
    Duration duration = duration(required(root, "duration", "$"), "$.duration");
    if (duration.isZero()) {
      throw fail("$.duration", "the run must last longer than 0s; write it like \"30m\" or \"2h\"");
    }
    boolean startVms = true;
    if (present(root, "startVms")) {
      if (!root.get("startVms").isBoolean()) {
        throw fail("$.startVms", "expected true or false, found " + JsonNodes.kind(root.get("startVms")));
      }
      startVms = root.get("startVms").booleanValue();
    }
    List<ScenarioAction> actions = present(root, "actions") ? actions(root.get("actions"), cluster, duration)
        : List.of();
    Optional<FaultPlan> faults = present(root, "faults") ? Optional.of(faults(root.get("faults"), duration))
        : Optional.empty();
    return new Scenario(file, name, description, clusterSource, cluster, spec, seed, duration, startVms, actions, faults);
  }

  private String defaultName() {
    String f = file.getFileName() == null ? "scenario" : file.getFileName().toString();
    return f.endsWith(".json") ? f.substring(0, f.length() - 5) : f;
  }

  private String readText(Path path, String where) {
    try {
      return InputFiles.read(path);
    } catch (InvalidInputException e) {
      if (path.equals(file)) {
        throw e;
      }
      throw new InvalidInputException(path, e.getMessage() + " (" + where + " of " + file + ")", e);
    }
  }

  /** Resolves a path written in the scenario against the scenario's directory. */
  private Path sibling(String written, String where) {
    if (written.isBlank()) {
      throw fail(where, "the path is empty; name a file next to the scenario, like \"retail-4-node.json\"");
    }
    Path p = Path.of(written);
    Path dir = file.toAbsolutePath().getParent();
    Path resolved = p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    if (!Files.exists(resolved)) {
      throw fail(where, "cannot read " + written + " (looked for " + resolved + "): no such file");
    }
    return file.isAbsolute() || p.isAbsolute() ? resolved : relative(resolved);
  }

  /** Shows a resolved file relative to the working directory when it is below it, as the user typed the scenario. */
  private static Path relative(Path resolved) {
    Path cwd = Path.of("").toAbsolutePath();
    return resolved.startsWith(cwd) ? cwd.relativize(resolved) : resolved;
  }

  private ClusterDescription description(Path clusterFile) {
    try {
      return ClusterDescriptions.read(clusterFile);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(clusterFile, e.getMessage() + " (the cluster of " + file + ")", e);
    }
  }

  private ClusterDescription inlineDescription(JsonNode node) {
    try {
      return ClusterDescriptions.parse(ClusterDescriptions.MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot re-serialize $.cluster", e);
    } catch (InvalidDescriptionException e) {
      throw new InvalidInputException(file, file + ": " + under("$.cluster", e), e);
    }
  }

  private ClusterSpec spec(ClusterDescription cluster, String source) {
    try {
      return cluster.toSpec();
    } catch (InvalidDescriptionException e) {
      String where = source.equals("$.cluster") ? file + ": " + under("$.cluster", e) : source + ": " + e.getMessage()
          + " (the cluster of " + file + ")";
      throw new InvalidInputException(source.equals("$.cluster") ? file : Path.of(source), where
          + "; the simulator cannot run this cluster", e);
    }
  }

  /** Rewrites a description error's JSON path to sit under {@code prefix}. */
  private static String under(String prefix, InvalidDescriptionException e) {
    String message = e.getMessage();
    return message.startsWith("$") ? prefix + message.substring(1) : prefix + ": " + message;
  }

  private Duration duration(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw fail(where, "expected a duration like \"30m\", \"1h30m\" or \"90s\", found " + JsonNodes.kind(node));
    }
    try {
      return RunDurations.parse(node.textValue());
    } catch (IllegalArgumentException e) {
      throw fail(where, e.getMessage());
    }
  }

  private List<ScenarioAction> actions(JsonNode node, ClusterDescription cluster, Duration end) {
    if (!node.isArray()) {
      throw fail("$.actions", "expected an array of actions, found " + JsonNodes.kind(node));
    }
    List<ScenarioAction> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(action(node.get(i), i, cluster, end));
    }
    return out;
  }

  private ScenarioAction action(JsonNode node, int index, ClusterDescription cluster, Duration end) {
    String where = "$.actions[" + index + "]";
    if (!node.isObject()) {
      throw fail(where, "expected an action object like {\"at\": \"10m\", \"action\": \"crash-host\", \"host\": \"node2\"},"
          + " found " + JsonNodes.kind(node));
    }
    JsonNode kindNode = required(node, "action", where);
    if (!kindNode.isTextual()) {
      throw fail(where + ".action", "expected one of " + ActionKind.ids() + ", found " + JsonNodes.kind(kindNode));
    }
    ActionKind kind;
    try {
      kind = ActionKind.byId(kindNode.textValue());
    } catch (IllegalArgumentException e) {
      throw fail(where + ".action", e.getMessage());
    }
    List<String> allowed = new ArrayList<>(List.of("at", "action", "note"));
    allowed.addAll(kind.shape().fields());
    onlyFields(node, where, allowed);
    Duration at = duration(required(node, "at", where), where + ".at");
    if (at.compareTo(end) > 0) {
      throw fail(where + ".at", DurationText.format(at) + " is after the end of the run at " + DurationText.format(end)
          + "; actions happen between 0s and the duration");
    }
    ScenarioAction.Target target = switch (kind.shape()) {
      case HOST -> new ScenarioAction.OnHost(host(node, "host", where, cluster));
      case VM -> new ScenarioAction.OnVm(vm(node, "vm", where, cluster));
      case MOVE -> new ScenarioAction.Move(vm(node, "vm", where, cluster), host(node, "to", where, cluster));
      case GROUP -> new ScenarioAction.MoveGroup(group(node, where, cluster), hostOrBest(node, where, cluster));
      case LINK -> new ScenarioAction.OnLink(host(node, "from", where, cluster), host(node, "to", where, cluster));
      case NETWORK -> new ScenarioAction.OnNetwork(host(node, "host", where, cluster), network(node, where, cluster));
      case LUN -> new ScenarioAction.OnLun(lun(node, where, cluster));
      case SIDES -> new ScenarioAction.Sides(sides(required(node, "sides", where), where + ".sides", cluster));
      case CLUSTER -> new ScenarioAction.OnCluster();
    };
    if (present(node, "note") && !node.get("note").isTextual()) {
      throw fail(where + ".note", "expected a string, found " + JsonNodes.kind(node.get("note")));
    }
    return new ScenarioAction(index, at, kind, target, present(node, "note") ? node.get("note").textValue() : "");
  }

  private HostId host(JsonNode node, String field, String where, ClusterDescription cluster) {
    String name = name(required(node, field, where), where + "." + field);
    return checkHost(name, where + "." + field, cluster);
  }

  private String group(JsonNode node, String where, ClusterDescription cluster) {
    String name = name(required(node, "group", where), where + ".group");
    List<String> groups = cluster.failoverGroups().stream().map(g -> g.name()).toList();
    if (!groups.contains(name)) {
      throw fail(where + ".group", "group '" + name + "' is not in the cluster (a group is named after its first VM);"
          + " its groups: " + (groups.size() <= 12 ? String.join(", ", groups)
              : String.join(", ", groups.subList(0, 12)) + ", … (" + groups.size() + " in all)"));
    }
    return name;
  }

  /** A host name, or "best" for the best possible node. */
  private Optional<HostId> hostOrBest(JsonNode node, String where, ClusterDescription cluster) {
    String name = name(required(node, "to", where), where + ".to");
    if (cluster.host(name).isEmpty() && name.equals("best")) {
      return Optional.empty();
    }
    if (cluster.host(name).isEmpty()) {
      throw fail(where + ".to", "host '" + name + "' is not in the cluster; write a host (" + String.join(", ",
          cluster.hosts().stream().map(HostDescription::name).toList()) + ") or \"best\" for the best possible node");
    }
    return Optional.of(HostId.of(name));
  }

  private HostId checkHost(String name, String where, ClusterDescription cluster) {
    if (cluster.host(name).isEmpty()) {
      throw fail(where, "host '" + name + "' is not in the cluster; its hosts: "
          + String.join(", ", cluster.hosts().stream().map(HostDescription::name).toList()));
    }
    return HostId.of(name);
  }

  private VmId vm(JsonNode node, String field, String where, ClusterDescription cluster) {
    String name = name(required(node, field, where), where + "." + field);
    if (cluster.vm(name).isEmpty()) {
      List<String> vms = cluster.vms().stream().map(VmDescription::name).toList();
      throw fail(where + "." + field, "VM '" + name + "' is not in the cluster; its VMs: " + (vms.size() <= 12
          ? String.join(", ", vms) : String.join(", ", vms.subList(0, 12)) + ", … (" + vms.size() + " in all)"));
    }
    return VmId.of(name);
  }

  private String network(JsonNode node, String where, ClusterDescription cluster) {
    String name = name(required(node, "network", where), where + ".network");
    List<String> networks = cluster.networks().stream().map(ClusterNetwork::name).toList();
    if (!networks.contains(name)) {
      throw fail(where + ".network", "network '" + name + "' is not one of the cluster's networks: "
          + String.join(", ", networks) + " (a second network comes from every host's \"heartbeatNetwork\": true)");
    }
    return name;
  }

  private LunId lun(JsonNode node, String where, ClusterDescription cluster) {
    String name = name(required(node, "lun", where), where + ".lun");
    List<String> luns = cluster.storage().map(s -> s.luns().stream().map(LunDescription::name).toList()).orElse(List.of());
    if (!luns.contains(name)) {
      throw fail(where + ".lun", "LUN '" + name + "' is not in the cluster's storage; its LUNs: " + (luns.size() <= 12
          ? String.join(", ", luns) : String.join(", ", luns.subList(0, 12)) + ", … (" + luns.size() + " in all)"));
    }
    return LunId.of(name);
  }

  private List<Set<HostId>> sides(JsonNode node, String where, ClusterDescription cluster) {
    if (!node.isArray() || node.isEmpty()) {
      throw fail(where, "expected an array of sides, each an array of host names, like [[\"node1\", \"node2\"]]");
    }
    Set<HostId> seen = new LinkedHashSet<>();
    List<Set<HostId>> sides = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode side = node.get(i);
      String at = where + "[" + i + "]";
      if (!side.isArray() || side.isEmpty()) {
        throw fail(at, "expected a non-empty array of host names, found " + JsonNodes.kind(side));
      }
      Set<HostId> hosts = new LinkedHashSet<>();
      for (int j = 0; j < side.size(); j++) {
        HostId h = checkHost(name(side.get(j), at + "[" + j + "]"), at + "[" + j + "]", cluster);
        if (!seen.add(h)) {
          throw fail(at + "[" + j + "]", "host '" + h + "' is on two sides; sides are disjoint");
        }
        hosts.add(h);
      }
      sides.add(hosts);
    }
    return sides;
  }

  private String name(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw fail(where, "expected a name (a string), found " + JsonNodes.kind(node));
    }
    return node.textValue();
  }

  private FaultPlan faults(JsonNode node, Duration end) {
    FaultPlan plan;
    String where;
    if (node.isTextual()) {
      Path planFile = sibling(node.textValue(), "$.faults");
      plan = FaultPlans.parse(readText(planFile, "$.faults"), planFile, "$");
      where = "$.faults";
    } else if (node.isObject()) {
      try {
        plan = FaultPlans.parse(ClusterDescriptions.MAPPER.writeValueAsString(node), file, "$.faults");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot re-serialize $.faults", e);
      }
      where = "$.faults.heal.at";
    } else {
      throw fail("$.faults", "expected a fault plan object ({\"faults\": [...], \"heal\": {...}}) or the path of a"
          + " plan file, found " + JsonNodes.kind(node));
    }
    if (plan.heal().at().compareTo(end) > 0) {
      throw fail(where, "the heal phase at " + DurationText.format(plan.heal().at()) + " is after the end of the run at "
          + DurationText.format(end) + "; heal by the end of the run");
    }
    return plan;
  }

  private JsonNode required(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw fail(where + "." + field, "is missing; this field is required");
    }
    return v;
  }

  private static boolean present(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private Optional<String> optionalText(JsonNode node, String field) {
    if (!present(node, field)) {
      return Optional.empty();
    }
    if (!node.get(field).isTextual()) {
      throw fail("$." + field, "expected a string, found " + JsonNodes.kind(node.get(field)));
    }
    return Optional.of(node.get(field).textValue());
  }

  private void onlyFields(JsonNode node, String where, List<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw fail(where + "." + n, "unknown field '" + n + "'; known fields here: " + String.join(", ", allowed));
      }
    }
  }
}
