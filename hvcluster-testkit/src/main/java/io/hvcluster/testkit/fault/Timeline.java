package io.hvcluster.testkit.fault;

import java.util.ArrayList;
import java.util.List;

/** Renders a fault plan as a readable timeline. */
final class Timeline {
  private Timeline() {}

  static String render(FaultPlan plan) {
    List<String[]> rows = new ArrayList<>();
    for (Fault f : plan.faults()) {
      String until;
      if (f.kind().instantaneous()) {
        until = "instant";
      } else if (f.duration().isPresent()) {
        until = "until " + DurationText.format(plan.activeUntil(f));
      } else {
        until = "until heal";
      }
      rows.add(new String[] {"at " + DurationText.format(f.at()), until, f.describe()});
    }
    rows.add(new String[] {"at " + DurationText.format(plan.heal().at()), "heal", "every fault still active heals"});
    rows.add(new String[] {"at " + DurationText.format(plan.end()), "end", "quiet period over (liveness checks)"});
    int w0 = 0;
    int w1 = 0;
    for (String[] r : rows) {
      w0 = Math.max(w0, r[0].length());
      w1 = Math.max(w1, r[1].length());
    }
    StringBuilder out = new StringBuilder();
    out.append("fault plan: ").append(plan.size()).append(plan.size() == 1 ? " fault" : " faults")
        .append("; heal at ").append(DurationText.format(plan.heal().at()))
        .append(", then ").append(DurationText.format(plan.heal().quiet())).append(" quiet");
    for (String[] r : rows) {
      out.append("\n  ").append(pad(r[0], w0)).append("  ").append(pad(r[1], w1)).append("  ").append(r[2]);
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
