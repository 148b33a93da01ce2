package io.hvcluster.testkit.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of selectors: a name, optionally followed by a parenthesised, comma-separated list of
 * entity names, for example {@code "one"} or {@code "explicit(node1,node2)"}.
 */
record SelectorText(String name, List<String> args, boolean hasArgs) {
  private static final Pattern FORM = Pattern.compile("([a-z][a-z-]*)(?:\\((.*)\\))?");

  static SelectorText parse(String kind, String text) {
    if (text == null) {
      throw new IllegalArgumentException(kind + " selector is missing");
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a " + kind + " selector; write a name such as \"one\""
          + " or a name with arguments such as \"explicit(node1,node2)\"");
    }
    List<String> args = new ArrayList<>();
    boolean hasArgs = m.group(2) != null;
    if (hasArgs && !m.group(2).isBlank()) {
      for (String arg : m.group(2).split(",", -1)) {
        args.add(arg.strip());
      }
    }
    return new SelectorText(m.group(1), List.copyOf(args), hasArgs);
  }

  void noArgs(String kind) {
    if (hasArgs) {
      throw new IllegalArgumentException(kind + " selector '" + name + "' takes no arguments");
    }
  }

  List<String> someArgs(String kind) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(kind + " selector '" + name + "' needs at least one name in parentheses,"
          + " for example " + name + "(a,b)");
    }
    return args;
  }

  static String format(String name, List<?> args) {
    StringBuilder out = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      out.append(i == 0 ? "" : ",").append(args.get(i));
    }
    return out.append(')').toString();
  }
}
