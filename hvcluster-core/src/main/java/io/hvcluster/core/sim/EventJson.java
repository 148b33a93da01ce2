package io.hvcluster.core.sim;

import io.hvcluster.api.event.ClusterEvent;
import org.apiguardian.api.API;

/**
 * Encodes cluster events as one-line JSON objects with a fixed field order: {@code t} (virtual ns),
 * {@code type}, {@code cluster}, then the event's own fields. This is the JSON Lines trace format.
 *
 * <p>Core may not depend on a JSON library, and this writer only ever writes, so it is small. Not
 * thread-safe: it reuses one buffer.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EventJson extends EventFields {
  private final StringBuilder out = new StringBuilder(256);
  /** Whether the next field or item in the current object or array is its first. */
  private boolean first;

  /**
   * Returns the JSON line of an event, without the newline.
   *
   * @param event the event
   * @return the encoded line
   */
  public String encode(ClusterEvent event) {
    return encodeInPlace(event).toString();
  }

  /**
   * Encodes an event into this encoder's reused buffer, without copying it into a string: valid until
   * the next call.
   *
   * @param event the event
   * @return the encoded line
   */
  public CharSequence encodeInPlace(ClusterEvent event) {
    out.setLength(0);
    visit(event);
    return out;
  }

  @Override
  void begin() {
    out.append('{');
    first = true;
  }

  @Override
  void end() {
    out.append('}');
  }

  private void name(String name) {
    if (!first) {
      out.append(',');
    }
    first = false;
    out.append('"').append(name).append("\":");
  }

  @Override
  void str(String name, String value) {
    name(name);
    if (value == null) {
      out.append("null");
    } else {
      quote(value);
    }
  }

  @Override
  void num(String name, long value) {
    name(name);
    out.append(value);
  }

  @Override
  void bool(String name, boolean value) {
    name(name);
    out.append(value);
  }

  @Override
  void arrayStart(String name) {
    name(name);
    out.append('[');
    first = true;
  }

  @Override
  void arrayItem(String value) {
    if (!first) {
      out.append(',');
    }
    first = false;
    quote(value);
  }

  @Override
  void arrayEnd() {
    out.append(']');
    first = false;
  }

  @Override
  void objectStart() {
    if (!first) {
      out.append(',');
    }
    out.append('{');
    first = true;
  }

  @Override
  void objectEnd() {
    out.append('}');
    first = false;
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
