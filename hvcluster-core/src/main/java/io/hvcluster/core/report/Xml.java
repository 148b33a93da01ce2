package io.hvcluster.core.report;

/**
 * Escapes text for XML and HTML. Everything a report shows can come from a user (names, descriptions,
 * reasons quoting them), so every piece of text goes through here; characters XML 1.0 cannot carry at
 * all (most control characters, lone surrogates) become U+FFFD, so the output always parses.
 */
final class Xml {
  private Xml() {}

  /** Returns the text escaped for element content and for attribute values in double or single quotes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            out.append(c);
          } else {
            out.append('\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    return c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c);
  }
}
