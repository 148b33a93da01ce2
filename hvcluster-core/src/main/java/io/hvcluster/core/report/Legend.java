package io.hvcluster.core.report;

import io.hvcluster.api.NodeState;
import io.hvcluster.api.VmState;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's key: every fill and every marker glyph the timeline uses, drawn the way the timeline
 * draws it, in rows that wrap at the drawing's width. Also draws the marker glyphs themselves.
 */
final class Legend {
  private static final double SIZE = Canvas.MIN_FONT;
  private static final int ROW = 18;

  /** One entry: a fill swatch (or, when {@code glyph} is set, a marker glyph) and its text. */
  private record Item(String group, String fill, String glyph, String text) {}

  private final Canvas canvas;
  private final int left;
  private final int right;
  private final List<Item> items = new ArrayList<>();
  private final List<double[]> at = new ArrayList<>();
  private final int rows;

  Legend(Canvas canvas, int left, int right) {
    this.canvas = canvas;
    this.left = left;
    this.right = right;
    for (VmState s : VmState.values()) {
      if (s != VmState.OFF) {
        items.add(new Item("VM states", Palette.VM.get(s), null, s.name()));
      }
    }
    for (NodeState s : NodeState.values()) {
      items.add(new Item("nodes, quorum", Palette.NODE.get(s), null, "node " + s.name()));
    }
    items.add(new Item("nodes, quorum", Palette.NODE_NO_QUORUM, null, "no quorum"));
    items.add(new Item("nodes, quorum", Palette.QUORUM_HELD, null, "quorum held"));
    items.add(new Item("nodes, quorum", Palette.NOT_FORMED, null, "not formed"));
    items.add(new Item("markers", null, "fault", "fault"));
    items.add(new Item("markers", null, "heal", "healed"));
    items.add(new Item("markers", null, "action", "operator action (number)"));
    items.add(new Item("markers", null, "refused", "refused action"));
    items.add(new Item("markers", null, "failover", "group failover"));
    items.add(new Item("markers", null, "guest-failover", "guest failover"));
    items.add(new Item("markers", null, "guest-down", "guest application down"));
    items.add(new Item("markers", null, "placement-failed", "cannot be placed"));
    items.add(new Item("markers", null, "migration", "migration"));
    int row = 0;
    double x = left;
    String group = items.get(0).group();
    for (Item i : items) {
      double w = 16 + Canvas.width(i.text(), SIZE) + 14;
      if (!i.group().equals(group) || x + w > right) {
        row++;
        x = left;
        group = i.group();
      }
      at.add(new double[] {x, row});
      x += w;
    }
    this.rows = row + 1;
  }

  int height() {
    return rows * ROW;
  }

  void draw(int top) {
    StringBuilder out = canvas.out;
    out.append("<g class=\"legend\">\n");
    String group = null;
    for (int k = 0; k < items.size(); k++) {
      Item i = items.get(k);
      double x = at.get(k)[0];
      double y = top + at.get(k)[1] * ROW;
      if (!i.group().equals(group)) {
        canvas.text(left - 6, y + 11, SIZE, "end", Palette.TEXT, "legend-group", false, i.group());
        group = i.group();
      }
      if (i.glyph() == null) {
        out.append("<rect x=\"").append(Canvas.n(x)).append("\" y=\"").append(Canvas.n(y + 1))
            .append("\" width=\"12\" height=\"12\" fill=\"").append(i.fill())
            .append("\" stroke=\"#90a4ae\" stroke-width=\"0.5\"/>");
      } else {
        glyph(out, i.glyph(), x + 6, y + 7);
      }
      canvas.text(x + 16, y + 11, SIZE, "start", Palette.TEXT, "legend-text", false, i.text());
      out.append('\n');
    }
    out.append("</g>\n");
  }

  /** Draws a marker glyph centred on {@code (x, cy)}, about 12 units across. */
  static void glyph(StringBuilder out, String kind, double x, double cy) {
    String l = Canvas.n(x - 6);
    String r = Canvas.n(x + 6);
    String c = Canvas.n(x);
    String t = Canvas.n(cy - 6);
    String b = Canvas.n(cy + 6);
    String m = Canvas.n(cy);
    switch (kind) {
      case "fault" -> out.append("<path d=\"M").append(l).append(',').append(t).append(" L").append(r).append(',')
          .append(t).append(" L").append(c).append(',').append(b).append(" z\" fill=\"").append(Palette.FAULT)
          .append("\"/>");
      case "heal" -> out.append("<path d=\"M").append(l).append(',').append(b).append(" L").append(r).append(',')
          .append(b).append(" L").append(c).append(',').append(t).append(" z\" fill=\"").append(Palette.HEAL)
          .append("\"/>");
      case "guest-failover" -> out.append("<path d=\"M").append(c).append(',').append(t).append(" L").append(r)
          .append(',').append(m).append(" L").append(c).append(',').append(b).append(" L").append(l).append(',')
          .append(m).append(" z\" fill=\"").append(Palette.GUEST).append("\" stroke=\"#5b1f45\"/>");
      case "guest-down" -> out.append("<path d=\"M").append(c).append(',').append(t).append(" L").append(r)
          .append(',').append(m).append(" L").append(c).append(',').append(b).append(" L").append(l).append(',')
          .append(m).append(" z\" fill=\"#ffffff\" stroke=\"").append(Palette.FAULT).append("\" stroke-width=\"2\"/>");
      case "failover" -> out.append("<rect x=\"").append(Canvas.n(x - 5)).append("\" y=\"").append(Canvas.n(cy - 5))
          .append("\" width=\"10\" height=\"10\" fill=\"").append(Palette.FAILOVER).append("\" stroke=\"#7a4f00\"/>");
      case "placement-failed" -> out.append("<path d=\"M").append(l).append(',').append(t).append(" L").append(r)
          .append(',').append(b).append(" M").append(r).append(',').append(t).append(" L").append(l).append(',')
          .append(b).append("\" stroke=\"").append(Palette.PLACEMENT_FAILED).append("\" stroke-width=\"2.5\"/>");
      case "action" -> out.append("<circle cx=\"").append(c).append("\" cy=\"").append(m)
          .append("\" r=\"6\" fill=\"").append(Palette.ACTION).append("\"/>");
      case "refused" -> out.append("<circle cx=\"").append(c).append("\" cy=\"").append(m)
          .append("\" r=\"5.5\" fill=\"#ffffff\" stroke=\"").append(Palette.REFUSED)
          .append("\" stroke-width=\"2\" stroke-dasharray=\"3,2\"/>");
      default -> out.append("<path d=\"M").append(l).append(',').append(m).append(" L").append(r).append(',')
          .append(m).append("\" stroke=\"").append(Palette.MIGRATION).append("\" stroke-width=\"1.5\"")
          .append(" marker-end=\"url(#arrow)\"/>");
    }
  }
}
