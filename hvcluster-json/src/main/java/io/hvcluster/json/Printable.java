package io.hvcluster.json;

/**
 * Escapes text from a user's file before it is echoed in a message: control characters (NUL, escape,
 * line breaks), Unicode format characters (bidirectional overrides) and line or paragraph separators
 * become {@code \n}, {@code \t}, {@code \r} or {@code \}{@code uXXXX}, so a name cannot break a one-line
 * error, hide part of it, or send escape sequences to a terminal.
 */
final class Printable {
  private Printable() {}

  /** Returns the text with every character that is not printable escaped; other text is unchanged. */
  static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(text, i);
      if (escape == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(escape);
    }
    return out == null ? text : out.toString();
  }

  private static String escape(String text, int i) {
    char c = text.charAt(i);
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
      return null;
    }
    if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
      return null;
    }
    int type = Character.getType(c);
    boolean unprintable = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
        && c >= 0xFFF0;
    return unprintable ? String.format("\\u%04x", (int) c) : null;
  }
}
