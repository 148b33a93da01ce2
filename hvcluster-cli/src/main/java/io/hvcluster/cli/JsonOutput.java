package io.hvcluster.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The conventions every {@code --json} output follows (docs/json-output.md): one indented object whose
 * first field is {@code schemaVersion}; every duration and moment in seconds, named {@code …Seconds};
 * every seed a decimal string. Kept in one place so that the commands cannot drift apart.
 */
final class JsonOutput {
  /**
   * The version of the outputs' fields. Version 1 was the unversioned output before it; version 2 renamed
   * fields to these conventions and keeps the version-1 names as deprecated aliases (CHANGELOG.md).
   */
  static final int SCHEMA_VERSION = 2;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      // Seconds are written as 17.063, never as 1.7063E+1.
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private JsonOutput() {}

  /** Returns an empty output object holding only {@code schemaVersion}. */
  static ObjectNode root() {
    return MAPPER.createObjectNode().put("schemaVersion", SCHEMA_VERSION);
  }

  /**
   * Returns an output object holding {@code schemaVersion}, then the fields, then the deprecated fields
   * (version-1 names kept for one version), each in their order.
   */
  static ObjectNode root(Map<String, ?> fields, Map<String, ?> deprecated) {
    ObjectNode root = root();
    fields.forEach((name, value) -> root.set(name, MAPPER.valueToTree(value)));
    deprecated.forEach((name, value) -> root.set(name, MAPPER.valueToTree(value)));
    return root;
  }

  /** Returns an empty object to nest in an output. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns a JSON value parsed from text that another part of hvcluster wrote (a fault plan). */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("hvcluster wrote JSON it cannot read back: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Returns virtual nanoseconds as exact decimal seconds: {@code 17063000001} gives {@code 17.063000001},
   * {@code 60000000000} gives {@code 60}. Virtual time is kept in whole nanoseconds, so nothing is lost.
   */
  static BigDecimal seconds(long nanos) {
    BigDecimal s = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /**
   * Returns seconds that are a measurement of the wall clock, a mean or a sum over many VMs, rounded to
   * the microsecond: their later digits are noise or rounding.
   */
  static BigDecimal roundedSeconds(double seconds) {
    if (!Double.isFinite(seconds)) {
      throw new IllegalArgumentException("seconds is " + seconds + "; it must be finite");
    }
    BigDecimal s = BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Returns wall-clock nanoseconds (from {@link System#nanoTime()} differences) as rounded seconds. */
  static BigDecimal wallSeconds(long nanos) {
    return roundedSeconds(nanos / 1e9);
  }

  /**
   * Returns a seed as every output prints it: a decimal string, because a 64-bit seed does not fit a JSON
   * parser's double exactly. Every {@code --seed} option reads it back ({@link SeedOption}).
   */
  static String seed(long seed) {
    return Long.toString(seed);
  }

  /** Prints an output object on one indented JSON document and flushes. */
  static void print(PrintWriter out, JsonNode node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
    out.flush();
  }
}
