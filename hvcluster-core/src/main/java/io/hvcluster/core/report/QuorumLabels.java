package io.hvcluster.core.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a quorum span may carry, longest first, for the timeline to write the first that fits. A span
 * held by a partition names it, as a compact range where three or more numbers run on ({@code node2–4 +
 * witness}, {@code hv01–08,10–12 + witness}) and by name otherwise; a span without quorum always says
 * {@code NO QUORUM}, so that its members never read as the holders.
 */
final class QuorumLabels {
  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
  private static final String WITNESS = " + witness";

  private QuorumLabels() {}

  /** Returns the choices for a span's label (in the wording of the quorum lane's spans), longest first. */
  static List<String> choices(Lanes.Span s) {
    String label = s.label();
    String members = label.replaceFirst("^quorum held by |^NO QUORUM: ", "").replaceFirst(" \\(.*| hold .*", "");
    if (members.equals(label)) {
      return List.of(label);
    }
    String head = label.replaceFirst(":.*| held by.*", "");
    String compact = compact(members);
    // A range reads faster than a list (hv01–08,10–12 + witness); two names stay names (node1 node2).
    String shown = compact.contains("–") ? compact : members;
    String full = label.replace(members, shown);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    out.add(full);
    if (s.state().equals(RunRecord.Quorum.LOST.name())) {
      out.add(head + ": " + shown);
      out.add(head + ": " + compact);
    } else {
      // The lane is named "quorum": a span names its holders without repeating the word.
      out.add(full.replaceFirst(" \\(.*", ""));
      out.add(shown);
      out.add(compact);
      out.add(compact(members.replace(WITNESS, "")));
    }
    out.add(head);
    return List.copyOf(out);
  }

  /**
   * Writes node names that share a prefix and end in numbers as ranges: {@code node1 node2 node3 + witness}
   * becomes {@code node1–3 + witness}, {@code hv01 hv02 hv04} becomes {@code hv01,02,04}. Other names are
   * left as they are.
   */
  static String compact(String members) {
    boolean witness = members.endsWith(WITNESS);
    String[] names = (witness ? members.substring(0, members.length() - WITNESS.length()) : members).split(" ");
    String prefix = null;
    List<String> digits = new ArrayList<>();
    for (String name : names) {
      Matcher m = NUMBERED.matcher(name);
      if (!m.matches() || prefix != null && !prefix.equals(m.group(1)) || m.group(2).length() > 9) {
        return members;
      }
      prefix = m.group(1);
      digits.add(m.group(2));
    }
    StringBuilder out = new StringBuilder(prefix);
    for (int i = 0; i < digits.size(); ) {
      int j = i;
      while (j + 1 < digits.size() && Integer.parseInt(digits.get(j + 1)) == Integer.parseInt(digits.get(j)) + 1) {
        j++;
      }
      out.append(i == 0 ? "" : ",").append(digits.get(i));
      if (j - i >= 2) {
        out.append('–').append(digits.get(j));
        i = j + 1;
      } else {
        i++;
      }
    }
    return out + (witness ? WITNESS : "");
  }
}
