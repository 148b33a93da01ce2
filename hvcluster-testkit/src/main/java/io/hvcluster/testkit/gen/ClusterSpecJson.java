package io.hvcluster.testkit.gen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.api.HostId;
import io.hvcluster.api.InvalidConfigurationException;
import io.hvcluster.api.LunId;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.CostModel;
import io.hvcluster.api.spec.Edition;
import io.hvcluster.api.spec.FailbackPolicy;
import io.hvcluster.api.spec.FailbackType;
import io.hvcluster.api.spec.FailoverPolicy;
import io.hvcluster.api.spec.GuestOs;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.Installation;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.OfflineAction;
import io.hvcluster.api.spec.Priority;
import io.hvcluster.api.spec.QuorumModel;
import io.hvcluster.api.spec.RestartAction;
import io.hvcluster.api.spec.StorageSpec;
import io.hvcluster.api.spec.StorageType;
import io.hvcluster.api.spec.VmSpec;
import io.hvcluster.api.spec.WorkloadSpec;
import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.DurationText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Writes a {@link ClusterSpec} as JSON and reads it back, exactly: every value a simulation depends on
 * (MPIO paths, each VM's guest workload, failover policies, cluster settings and cost model) survives the
 * round trip, so a counterexample's cluster pastes into a regression test. Sizes are in MiB
 * ({@code "memoryMiB"}, {@code "sizeMiB"}, {@code "workingSetMiB"}; {@code "...Bytes"} where a size is not
 * whole MiB), durations in the compact form of fault plans ({@link DurationText}), enums by name. A VM's
 * fields that have their builder's default are left out, and {@code "settings"} is written only when they
 * differ from {@link ClusterSettings#defaults(StorageType)}. Reading is strict: unknown or duplicate keys,
 * wrong types and trailing text are errors that name the JSON path.
 *
 * <p>This is the testkit's exact form of a spec, not the cluster description format of the command-line
 * tool (which describes planning facts and leaves the simulation's details to defaults).
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * ClusterSpec spec = ClusterSpecJson.fromJson("""
 *     {"name": "HV1", "quorum": "NODE_MAJORITY",
 *      "hosts": [{"name": "node1"}, {"name": "node2"}, {"name": "node3"}],
 *      "storage": {"type": "ISCSI", "luns": [{"name": "lun-vm1", "sizeMiB": 40960}]},
 *      "vms": [{"name": "vm1", "memoryMiB": 2048, "luns": ["lun-vm1"]}]}
 *     """);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ClusterSpecJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final long MIB = 1L << 20;
  /** One line, a space after each colon and comma: {@code {"name": "node1", "cores": 8}}. */
  private static final ObjectWriter WRITER = MAPPER.writer(oneLine());

  private ClusterSpecJson() {}

  private static DefaultPrettyPrinter oneLine() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEntrySpacing(Separators.Spacing.AFTER)
        .withArrayValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""));
    printer.indentObjectsWith(new DefaultPrettyPrinter.NopIndenter());
    printer.indentArraysWith(new DefaultPrettyPrinter.NopIndenter());
    return printer;
  }

  /**
   * Returns the spec as JSON: one host, LUN or VM a line.
   *
   * @param spec the spec
   * @return the JSON text, ending with a newline
   */
  public static String toJson(ClusterSpec spec) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"name\": ").append(text(MAPPER.getNodeFactory().textNode(spec.name()))).append(",\n");
    out.append("  \"quorum\": \"").append(spec.quorum().name()).append("\",\n");
    lines(out, "hosts", spec.hosts(), ClusterSpecJson::host);
    StorageSpec s = spec.storage();
    out.append("  \"storage\": {\"type\": \"").append(s.type().name()).append("\", \"persistentReservations\": ")
        .append(s.persistentReservations()).append(", \"pathsPerHost\": ").append(s.pathsPerHost())
        .append(", \"luns\": [");
    for (int i = 0; i < s.luns().size(); i++) {
      out.append(i == 0 ? "\n    " : ",\n    ").append(text(lun(s.luns().get(i))));
    }
    out.append(s.luns().isEmpty() ? "]},\n" : "\n  ]},\n");
    boolean settings = !spec.settings().equals(ClusterSettings.defaults(s.type()));
    lines(out, "vms", spec.vms(), ClusterSpecJson::vm);
    if (settings) {
      out.append("  \"settings\": ").append(text(settings(spec.settings()))).append(",\n");
    }
    out.setLength(out.length() - 2); // the last member's comma
    return out.append("\n}\n").toString();
  }

  private static <T> void lines(StringBuilder out, String key, List<T> items, Function<T, JsonNode> json) {
    out.append("  \"").append(key).append("\": [");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "\n    " : ",\n    ").append(text(json.apply(items.get(i))));
    }
    out.append(items.isEmpty() ? "],\n" : "\n  ],\n");
  }

  private static String text(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + node, e);
    }
  }

  private static ObjectNode host(HostSpec h) {
    ObjectNode n = MAPPER.createObjectNode().put("name", h.id().name());
    size(n, "memory", h.memoryBytes());
    n.put("edition", h.edition().name()).put("installation", h.installation().name()).put("cores", h.cores());
    if (!h.subnet().equals(HostSpec.DEFAULT_SUBNET)) {
      n.put("subnet", h.subnet());
    }
    return n;
  }

  private static ObjectNode lun(LunSpec l) {
    ObjectNode n = MAPPER.createObjectNode().put("name", l.id().name());
    size(n, "size", l.sizeBytes());
    if (l.witness()) {
      n.put("witness", true);
    }
    if (l.csv()) {
      n.put("csv", true);
    }
    return n;
  }

  private static ObjectNode vm(VmSpec v) {
    VmSpec d = defaults(v.id().name(), v.memoryBytes());
    ObjectNode n = MAPPER.createObjectNode().put("name", v.id().name());
    size(n, "memory", v.memoryBytes());
    ArrayNode luns = n.putArray("luns");
    v.luns().forEach(l -> luns.add(l.name()));
    if (v.vcpus() != d.vcpus()) {
      n.put("vcpus", v.vcpus());
    }
    if (v.guestOs() != d.guestOs()) {
      n.put("guestOs", v.guestOs().name());
    }
    names(n, "preferredOwners", v.preferredOwners().stream().map(HostId::name).toList());
    names(n, "possibleOwners", v.possibleOwners().stream().map(HostId::name).toList());
    names(n, "antiAffinityClasses", v.antiAffinityClasses());
    if (v.priority() != d.priority()) {
      n.put("priority", v.priority().name());
    }
    if (!v.guestCluster().isEmpty()) {
      n.put("guestCluster", v.guestCluster());
    }
    if (v.checkHeartbeat()) {
      n.put("checkHeartbeat", true);
    }
    if (v.offlineAction() != d.offlineAction()) {
      n.put("offlineAction", v.offlineAction().name());
    }
    if (!v.failover().equals(d.failover())) {
      n.set("failover", failover(v.failover()));
    }
    if (!v.workload().equals(d.workload())) {
      ObjectNode w = n.putObject("workload");
      size(w, "workingSet", v.workload().workingSetBytes());
      w.put("dirtyPagesPerSecond", v.workload().dirtyPagesPerSecond());
    }
    return n;
  }

  /** A VM with the builder's defaults (the LUN is only there because a spec needs one). */
  private static VmSpec defaults(String name, long memoryBytes) {
    return VmSpec.builder(name).memoryBytes(memoryBytes).lun("lun").build();
  }

  private static void names(ObjectNode n, String key, List<String> names) {
    if (!names.isEmpty()) {
      ArrayNode a = n.putArray(key);
      names.forEach(a::add);
    }
  }

  private static ObjectNode failover(FailoverPolicy p) {
    ObjectNode n = MAPPER.createObjectNode().put("restartAction", p.restartAction().name())
        .put("restartThreshold", p.restartThreshold()).put("restartPeriod", DurationText.format(p.restartPeriod()))
        .put("pendingTimeout", DurationText.format(p.pendingTimeout()))
        .put("retryPeriodOnFailure", DurationText.format(p.retryPeriodOnFailure()))
        .put("failoverThreshold", p.failoverThreshold()).put("failoverPeriod", DurationText.format(p.failoverPeriod()));
    n.putObject("failback").put("type", p.failback().type().name()).put("windowStartHour", p.failback().windowStartHour())
        .put("windowEndHour", p.failback().windowEndHour());
    return n;
  }

  private static ObjectNode settings(ClusterSettings s) {
    ObjectNode n = MAPPER.createObjectNode().put("heartbeatDelay", DurationText.format(s.heartbeatDelay()))
        .put("heartbeatThreshold", s.heartbeatThreshold()).put("maxConcurrentStartsPerNode", s.maxConcurrentStartsPerNode());
    if (!s.crossSubnetDelay().equals(ClusterSettings.DEFAULT_CROSS_SUBNET_DELAY)
        || s.crossSubnetThreshold() != ClusterSettings.DEFAULT_CROSS_SUBNET_THRESHOLD) {
      n.put("crossSubnetDelay", DurationText.format(s.crossSubnetDelay()))
          .put("crossSubnetThreshold", s.crossSubnetThreshold());
    }
    CostModel c = s.costs();
    n.putObject("costs").put("storageWriteBytesPerSecond", c.storageWriteBytesPerSecond())
        .put("storageReadBytesPerSecond", c.storageReadBytesPerSecond())
        .put("lunHandover", DurationText.format(c.lunHandover())).put("arbitration", DurationText.format(c.arbitration()))
        .put("restoreSetup", DurationText.format(c.restoreSetup()))
        .put("migrationLinkBytesPerSecond", c.migrationLinkBytesPerSecond())
        .put("migrationLinkLatency", DurationText.format(c.migrationLinkLatency())).put("bootJitter", c.bootJitter());
    return n;
  }

  private static void size(ObjectNode n, String prefix, long bytes) {
    if (bytes % MIB == 0) {
      n.put(prefix + "MiB", bytes / MIB);
    } else {
      n.put(prefix + "Bytes", bytes);
    }
  }

  /**
   * Reads a spec written by {@link #toJson} (or by hand in the same form).
   *
   * @param json the JSON text
   * @return the spec
   * @throws IllegalArgumentException when the text is not such a spec; the message names the JSON path and
   *     says what is allowed
   */
  public static ClusterSpec fromJson(String json) {
    if (json == null) {
      throw new IllegalArgumentException("cluster spec JSON is missing");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cluster spec is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() : ""), e);
    }
    try {
      return read(new At(root, "$"));
    } catch (InvalidConfigurationException e) {
      throw new IllegalArgumentException("cluster spec: " + e.getMessage(), e);
    }
  }

  private static ClusterSpec read(At root) {
    root.only("name", "quorum", "hosts", "storage", "vms", "settings");
    ClusterSpec.Builder b = ClusterSpec.builder(root.text("name"));
    if (root.has("quorum")) {
      b.quorum(root.enumValue("quorum", QuorumModel.class));
    }
    for (At h : root.array("hosts")) {
      h.only("name", "memoryMiB", "memoryBytes", "edition", "installation", "cores", "subnet");
      HostSpec.Builder host = HostSpec.builder(h.text("name"));
      if (h.has("memoryMiB") || h.has("memoryBytes")) {
        host.memoryBytes(h.size("memory"));
      }
      if (h.has("edition")) {
        host.edition(h.enumValue("edition", Edition.class));
      }
      if (h.has("installation")) {
        host.installation(h.enumValue("installation", Installation.class));
      }
      if (h.has("cores")) {
        host.cores(h.integer("cores"));
      }
      if (h.has("subnet")) {
        host.subnet(h.text("subnet"));
      }
      b.host(host.build());
    }
    At s = root.object("storage");
    s.only("type", "persistentReservations", "pathsPerHost", "luns");
    List<LunSpec> luns = new ArrayList<>();
    for (At l : s.array("luns")) {
      l.only("name", "sizeMiB", "sizeBytes", "witness", "csv");
      luns.add(new LunSpec(LunId.of(l.text("name")), l.size("size"), l.flag("witness"), l.flag("csv")));
    }
    StorageType type = s.enumValue("type", StorageType.class);
    // The defaults of StorageSpec.iscsi and its siblings: persistent reservations, two MPIO paths.
    b.storage(new StorageSpec(type, !s.has("persistentReservations") || s.bool("persistentReservations"),
        s.has("pathsPerHost") ? s.integer("pathsPerHost") : 2, luns));
    for (At v : root.array("vms")) {
      b.vm(vm(v));
    }
    if (root.has("settings")) {
      b.settings(settings(root.object("settings")));
    } else {
      b.settings(ClusterSettings.defaults(type));
    }
    return b.build();
  }

  private static VmSpec vm(At v) {
    v.only("name", "memoryMiB", "memoryBytes", "luns", "vcpus", "guestOs", "preferredOwners", "possibleOwners",
        "antiAffinityClasses", "priority", "guestCluster", "checkHeartbeat", "offlineAction", "failover", "workload");
    VmSpec d = defaults(v.text("name"), v.size("memory"));
    return new VmSpec(VmId.of(v.text("name")), v.size("memory"), v.has("vcpus") ? v.integer("vcpus") : d.vcpus(),
        v.has("guestOs") ? v.enumValue("guestOs", GuestOs.class) : d.guestOs(),
        v.texts("luns", true).stream().map(LunId::of).toList(),
        v.texts("preferredOwners", false).stream().map(HostId::of).toList(),
        v.texts("possibleOwners", false).stream().map(HostId::of).toList(), v.texts("antiAffinityClasses", false),
        v.has("priority") ? v.enumValue("priority", Priority.class) : d.priority(),
        v.has("guestCluster") ? v.text("guestCluster") : "", v.flag("checkHeartbeat"),
        v.has("offlineAction") ? v.enumValue("offlineAction", OfflineAction.class) : d.offlineAction(),
        v.has("failover") ? failover(v.object("failover")) : d.failover(),
        v.has("workload") ? workload(v.object("workload")) : d.workload());
  }

  private static WorkloadSpec workload(At w) {
    w.only("workingSetMiB", "workingSetBytes", "dirtyPagesPerSecond");
    return new WorkloadSpec(w.size("workingSet"), w.longValue("dirtyPagesPerSecond"));
  }

  private static FailoverPolicy failover(At p) {
    p.only("restartAction", "restartThreshold", "restartPeriod", "pendingTimeout", "retryPeriodOnFailure",
        "failoverThreshold", "failoverPeriod", "failback");
    At fb = p.object("failback");
    fb.only("type", "windowStartHour", "windowEndHour");
    return new FailoverPolicy(p.enumValue("restartAction", RestartAction.class), p.integer("restartThreshold"),
        p.duration("restartPeriod"), p.duration("pendingTimeout"), p.duration("retryPeriodOnFailure"),
        p.integer("failoverThreshold"), p.duration("failoverPeriod"), new FailbackPolicy(
            fb.enumValue("type", FailbackType.class), fb.integer("windowStartHour"), fb.integer("windowEndHour")));
  }

  private static ClusterSettings settings(At s) {
    s.only("heartbeatDelay", "heartbeatThreshold", "maxConcurrentStartsPerNode", "costs", "crossSubnetDelay",
        "crossSubnetThreshold");
    At c = s.object("costs");
    c.only("storageWriteBytesPerSecond", "storageReadBytesPerSecond", "lunHandover", "arbitration", "restoreSetup",
        "migrationLinkBytesPerSecond", "migrationLinkLatency", "bootJitter");
    CostModel costs = new CostModel(c.longValue("storageWriteBytesPerSecond"), c.longValue("storageReadBytesPerSecond"),
        c.duration("lunHandover"), c.duration("arbitration"), c.duration("restoreSetup"),
        c.longValue("migrationLinkBytesPerSecond"), c.duration("migrationLinkLatency"), c.number("bootJitter"));
    ClusterSettings settings = new ClusterSettings(s.duration("heartbeatDelay"), s.integer("heartbeatThreshold"),
        s.integer("maxConcurrentStartsPerNode"), costs);
    return settings.withCrossSubnetHeartbeat(
        s.has("crossSubnetDelay") ? s.duration("crossSubnetDelay") : ClusterSettings.DEFAULT_CROSS_SUBNET_DELAY,
        s.has("crossSubnetThreshold") ? s.integer("crossSubnetThreshold") : ClusterSettings.DEFAULT_CROSS_SUBNET_THRESHOLD);
  }

  /** A JSON node with its path, and strict reads of its fields. */
  private record At(JsonNode node, String path) {
    void only(String... keys) {
      if (!node.isObject()) {
        throw new IllegalArgumentException(path + " must be an object");
      }
      Set<String> allowed = Set.of(keys);
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new IllegalArgumentException(path + "." + name + ": unknown field; known fields here: "
              + String.join(", ", keys));
        }
      }
    }

    boolean has(String key) {
      return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode required(String key) {
      if (!has(key)) {
        throw new IllegalArgumentException(path + "." + key + ": is missing; this field is required");
      }
      return node.get(key);
    }

    /** The value of {@code key}, which must be present and pass {@code ok}; otherwise says it is not {@code what}. */
    private JsonNode typed(String key, Predicate<JsonNode> ok, String what) {
      JsonNode v = required(key);
      if (!ok.test(v)) {
        throw new IllegalArgumentException(path + "." + key + ": " + v + " is not " + what);
      }
      return v;
    }

    String text(String key) {
      return typed(key, JsonNode::isTextual, "a string").textValue();
    }

    long longValue(String key) {
      return typed(key, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number").longValue();
    }

    int integer(String key) {
      long value = longValue(key);
      if (value != (int) value) {
        throw new IllegalArgumentException(path + "." + key + ": " + value + " is too large; allowed: at most "
            + Integer.MAX_VALUE);
      }
      return (int) value;
    }

    double number(String key) {
      return typed(key, JsonNode::isNumber, "a number").doubleValue();
    }

    boolean bool(String key) {
      return typed(key, JsonNode::isBoolean, "true or false").booleanValue();
    }

    boolean flag(String key) {
      return has(key) && bool(key);
    }

    long size(String prefix) {
      boolean mib = has(prefix + "MiB");
      if (mib == has(prefix + "Bytes")) {
        throw new IllegalArgumentException(path + ": give exactly one of " + prefix + "MiB and " + prefix + "Bytes");
      }
      if (!mib) {
        return longValue(prefix + "Bytes");
      }
      long value = longValue(prefix + "MiB");
      if (value < 0 || value > Long.MAX_VALUE / MIB) {
        throw new IllegalArgumentException(path + "." + prefix + "MiB: " + value + " is out of range");
      }
      return value * MIB;
    }

    java.time.Duration duration(String key) {
      try {
        return DurationText.parse(text(key));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + "." + key + ": " + e.getMessage(), e);
      }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      String value = text(key);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value)) {
          return constant;
        }
      }
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name());
      }
      throw new IllegalArgumentException(path + "." + key + ": '" + value + "' is not allowed; allowed: "
          + String.join(", ", names));
    }

    At object(String key) {
      return new At(required(key), path + "." + key);
    }

    List<At> array(String key) {
      JsonNode v = required(key);
      if (!v.isArray()) {
        throw new IllegalArgumentException(path + "." + key + ": must be an array");
      }
      List<At> items = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        items.add(new At(v.get(i), path + "." + key + "[" + i + "]"));
      }
      return items;
    }

    List<String> texts(String key, boolean required) {
      if (!has(key)) {
        if (required) {
          required(key);
        }
        return List.of();
      }
      List<String> values = new ArrayList<>();
      for (At item : array(key)) {
        if (!item.node().isTextual()) {
          throw new IllegalArgumentException(item.path() + ": " + item.node() + " is not a string");
        }
        values.add(item.node().textValue());
      }
      return values;
    }
  }
}
