package io.hvcluster.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Names the kind of a JSON value for messages ("expected an array, found a string"). */
final class JsonNodes {
  private JsonNodes() {}

  /** Returns what a JSON value is, in words: {@code a string}, {@code a whole number}, {@code null}. */
  static String kind(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    } else if (node.isIntegralNumber()) {
      return "a whole number";
    } else if (node.isNumber()) {
      return "a fraction";
    } else if (node.isBoolean()) {
      return "true or false";
    } else if (node.isArray()) {
      return "an array";
    } else if (node.isObject()) {
      return "an object";
    }
    return "null";
  }}
