package io.hvcluster.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.hvcluster.core.management.description.ClusterDescription;
import io.hvcluster.core.management.description.InvalidDescriptionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Reads and writes cluster-description files ({@code docs/cluster-description.md}). Reading is strict:
 * unknown fields, duplicate keys, fractions where whole numbers belong, strings where numbers belong,
 * unknown enum names and trailing content are all refused, and every refusal is one line that names the
 * JSON path, for example {@code $.hosts[2].memoryGiB: expected a number, found a string}. A description
 * read is {@linkplain ClusterDescription#check() checked}; whether it is a good cluster is for
 * {@link io.hvcluster.core.management.validation.ConfigurationValidator}.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * ClusterDescription d = ClusterDescriptions.read(Path.of("examples/retail-4-node.json"));
 * ValidationReport report = ConfigurationValidator.validate(d);
 * String json = ClusterDescriptions.write(d);   // reads back equal
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ClusterDescriptions {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
      .build();

  private ClusterDescriptions() {}

  /**
   * Reads, maps and checks a description file.
   *
   * @param file the file, read by {@link InputFiles#read(Path)}
   * @return the checked description
   * @throws InvalidInputException when the file cannot be read or its content is not a valid description;
   *     the message is one line naming the file and the JSON path, for example
   *     {@code c.json: $.hosts[0].cores: expected a whole number, found a string}, and the cause of a content
   *     problem is the {@link InvalidDescriptionException}
   */
  public static ClusterDescription read(Path file) {
    String text = InputFiles.read(file);
    try {
      return parse(text);
    } catch (InvalidDescriptionException e) {
      throw new InvalidInputException(file, file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses, maps and checks description text.
   *
   * @param text the JSON text
   * @return the checked description
   * @throws InvalidDescriptionException naming the JSON path of the first problem
   */
  public static ClusterDescription parse(String text) {
    DescriptionJson.ClusterJson json;
    try {
      json = MAPPER.readValue(text, DescriptionJson.ClusterJson.class);
    } catch (JsonProcessingException e) {
      throw translate(e);
    }
    if (json == null) {
      throw new InvalidDescriptionException("$", "the file holds null; expected a cluster description object");
    }
    return DescriptionMapping.toModel(json).check();
  }

  /**
   * Writes a description as indented JSON, every field explicit and whole numbers without a fraction;
   * {@link #parse(String)} reads it back equal.
   *
   * @param d the description
   * @return the JSON text, ending with a line break
   */
  public static String write(ClusterDescription d) {
    JsonNode tree = MAPPER.valueToTree(DescriptionMapping.toJson(d));
    try {
      return MAPPER.writeValueAsString(wholeNumbers(tree)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write description '" + d.name() + "'", e);
    }
  }

  /**
   * Returns a description as a JSON tree, every field explicit, for embedding in another JSON document.
   *
   * @param d the description
   * @return a new tree the caller may change
   */
  public static JsonNode toJsonTree(ClusterDescription d) {
    return MAPPER.valueToTree(DescriptionMapping.toJson(d));
  }

  private static JsonNode wholeNumbers(JsonNode node) {
    if (node.isDouble() && node.doubleValue() == Math.rint(node.doubleValue()) && Math.abs(node.doubleValue()) < 1e15) {
      return LongNode.valueOf((long) node.doubleValue());
    }
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(o.properties());
      fields.forEach(f -> o.set(f.getKey(), wholeNumbers(f.getValue())));
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, wholeNumbers(a.get(i)));
      }
    }
    return node;
  }

  static InvalidDescriptionException translate(JsonProcessingException e) {
    String path = e instanceof JsonMappingException m ? path(m.getPath()) : "$";
    if (!(e instanceof JsonMappingException) && e.getProcessor() instanceof JsonParser p) {
      path = path(p.getParsingContext());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(Object::toString)
          .sorted().collect(Collectors.joining(", "));
      return new InvalidDescriptionException(path, "unknown field '" + u.getPropertyName() + "'; known fields here: "
          + known, e);
    }
    if (e instanceof InvalidFormatException f) {
      return new InvalidDescriptionException(path, "'" + f.getValue() + "' is not " + expected(f.getTargetType()), e);
    }
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
      return new InvalidDescriptionException("$", "the file is empty; expected a cluster description object", e);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new InvalidDescriptionException(path, "expected " + expected(m.getTargetType()) + found(m), e);
    }
    String original = firstLine(e.getOriginalMessage());
    if (original.startsWith("Duplicate field '")) {
      String field = original.substring("Duplicate field '".length(), original.indexOf('\'', "Duplicate field '".length()));
      if (!path.endsWith("." + field)) {
        path = path + "." + field;
      }
    }
    String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr() + ")";
    return new InvalidDescriptionException(path, original + where, e);
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String found(MismatchedInputException m) {
    String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
    String[][] kinds = {{"String value", ", found a string"}, {"Floating-point value", ", found a fraction"},
        {"Integer value", ", found a whole number"}, {"Boolean value", ", found true or false"},
        {"Array value", ", found an array"}, {"START_ARRAY", ", found an array"}, {"Object value", ", found an object"},
        {"START_OBJECT", ", found an object"}};
    for (String[] kind : kinds) {
      if (message.contains(kind[0])) {
        return kind[1];
      }
    }
    if (m.getProcessor() instanceof JsonParser p && p.currentToken() != null) {
      switch (p.currentToken()) {
        case VALUE_STRING:
          return ", found a string";
        case VALUE_NUMBER_INT:
          return ", found a whole number";
        case VALUE_NUMBER_FLOAT:
          return ", found a fraction";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return ", found true or false";
        case START_ARRAY:
          return ", found an array";
        case START_OBJECT:
          return ", found an object";
        case VALUE_NULL:
          return ", found null";
        default:
          return "";
      }
    }
    return "";
  }

  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        out.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    return "$" + String.join("", parts);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the file is not valid JSON";
    }
    Iterator<String> lines = message.lines().iterator();
    return lines.hasNext() ? lines.next() : message;
  }
}
