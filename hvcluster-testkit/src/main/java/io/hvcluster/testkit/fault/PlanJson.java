package io.hvcluster.testkit.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes fault plans as JSON. A fault is an object with {@code "fault"} (the kind),
 * {@code "at"}, an optional {@code "for"}, and one key per parameter named after the record component;
 * selectors, durations and enums are strings in their text forms, integers are numbers. Reading is
 * strict: unknown or duplicate keys, missing parameters and trailing text are errors.
 */
final class PlanJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private PlanJson() {}

  static String write(FaultPlan plan) {
    StringBuilder out = new StringBuilder("{\n  \"faults\": [");
    for (int i = 0; i < plan.faults().size(); i++) {
      out.append(i == 0 ? "\n    " : ",\n    ").append(writeFault(plan.faults().get(i)));
    }
    out.append(plan.faults().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"heal\": {\"at\": ").append(quote(DurationText.format(plan.heal().at())))
        .append(", \"quiet\": ").append(quote(DurationText.format(plan.heal().quiet()))).append("}\n}\n");
    return out.toString();
  }

  private static String writeFault(Fault fault) {
    StringBuilder out = new StringBuilder("{\"fault\": ").append(quote(fault.kind().id()));
    out.append(", \"at\": ").append(quote(DurationText.format(fault.at())));
    fault.duration().ifPresent(d -> out.append(", \"for\": ").append(quote(DurationText.format(d))));
    for (Faults.Component c : Faults.parameters(fault)) {
      out.append(", ").append(quote(c.name())).append(": ");
      out.append(c.value() instanceof Integer ? c.value().toString() : quote(Faults.text(c.value())));
    }
    return out.append('}').toString();
  }

  /** Returns the text as a JSON string literal (RFC 8259 escapes). */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  static FaultPlan read(String json) {
    if (json == null) {
      throw new IllegalArgumentException("fault plan JSON is missing");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("fault plan is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() : ""), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("fault plan JSON must be an object with \"faults\" and \"heal\"");
    }
    onlyKeys(root, "fault plan", Set.of("faults", "heal"));
    JsonNode faults = required(root, "faults", "fault plan");
    if (!faults.isArray()) {
      throw new IllegalArgumentException("fault plan: \"faults\" must be an array");
    }
    JsonNode healNode = required(root, "heal", "fault plan");
    if (!healNode.isObject()) {
      throw new IllegalArgumentException("fault plan: \"heal\" must be an object with \"at\" and \"quiet\"");
    }
    onlyKeys(healNode, "heal", Set.of("at", "quiet"));
    Heal heal;
    try {
      heal = new Heal(DurationText.parse(text(healNode, "at", "heal")), DurationText.parse(text(healNode, "quiet", "heal")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fault plan: heal: " + e.getMessage(), e);
    }
    List<Fault> list = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      list.add(readFault(faults.get(i), i));
    }
    try {
      return new FaultPlan(list, heal);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fault plan: " + e.getMessage(), e);
    }
  }

  private static Fault readFault(JsonNode node, int index) {
    String where = "fault #" + index;
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be an object like {\"fault\": \"host-crash\", \"at\": \"5s\", ...}");
    }
    FaultKind kind;
    try {
      kind = FaultKind.byId(text(node, "fault", where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    where = where + " (" + kind.id() + ")";
    Faults.Shape shape = Faults.shape(kind.type());
    Set<String> allowed = new LinkedHashSet<>(List.of("fault", "at", "for"));
    shape.components().stream().filter(c -> c.getType() != Timing.class).forEach(c -> allowed.add(c.getName()));
    onlyKeys(node, where, allowed);
    try {
      Duration at = DurationText.parse(text(node, "at", where));
      Optional<Duration> length = node.has("for") ? Optional.of(DurationText.parse(text(node, "for", where)))
          : Optional.empty();
      Object[] args = new Object[shape.components().size()];
      for (int i = 0; i < args.length; i++) {
        RecordComponent c = shape.components().get(i);
        args[i] = c.getType() == Timing.class ? new Timing(at, length) : value(node, c, where);
      }
      return Faults.create(kind.type(), args);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(message.startsWith(where) ? message : where + ": " + message, e);
    }
  }

  private static Object value(JsonNode node, RecordComponent c, String where) {
    String name = c.getName();
    Class<?> type = c.getType();
    if (type == int.class) {
      JsonNode v = required(node, name, where);
      if (!v.isInt()) {
        throw new IllegalArgumentException(where + ": \"" + name + "\" must be a whole number, not " + v);
      }
      return v.intValue();
    }
    String text = text(node, name, where);
    if (type == HostSelector.class) {
      return HostSelector.parse(text);
    }
    if (type == LunSelector.class) {
      return LunSelector.parse(text);
    }
    if (type == VmSelector.class) {
      return VmSelector.parse(text);
    }
    if (type == Duration.class) {
      return DurationText.parse(text);
    }
    if (type.isEnum()) {
      return enumValue(type, text, where + ": \"" + name + "\"");
    }
    throw new AssertionError("fault component of unsupported type " + type);
  }

  private static Object enumValue(Class<?> type, String text, String where) {
    for (Object constant : type.getEnumConstants()) {
      if (Faults.text(constant).equals(text)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(Faults.text(constant));
    }
    throw new IllegalArgumentException(where + " is '" + text + "'; allowed: " + String.join(", ", names));
  }

  private static JsonNode required(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": \"" + key + "\" is missing");
    }
    return v;
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode v = required(node, key, where);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(where + ": \"" + key + "\" must be a string, not " + v);
    }
    return v.textValue();
  }

  private static void onlyKeys(JsonNode node, String where, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(where + ": unknown key \"" + name + "\"; allowed: "
            + String.join(", ", allowed).toLowerCase(Locale.ROOT));
      }
    }
  }
}
