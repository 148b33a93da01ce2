package io.hvcluster.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes SVG text and remembers the box every label takes, so the layout can check that a label fits
 * before drawing it and tests can check that no two labels overlap. Each label carries its box as
 * {@code data-box="x y width height"} in user units; the width is an upper estimate for a sans-serif
 * face (0.62 em a character, 0.72 em for capitals and symbols), the height one em.
 */
final class Canvas {
  /** The smallest font size the timeline uses, in px at 1× (user units, the view box being 1:1). */
  static final double MIN_FONT = 11;

  /** A label's box. */
  record Box(double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
  }

  final StringBuilder out;
  private final List<Box> boxes = new ArrayList<>();

  Canvas(StringBuilder out) {
    this.out = out;
  }

  static String n(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  static double width(String text, double size) {
    double w = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      w += (Character.isUpperCase(c) || c > 0x2000 ? 0.72 : 0.62) * size;
    }
    return w;
  }

  /** Returns the box a label would take; {@code anchor} is start, middle or end. */
  static Box box(double x, double baseline, double size, String anchor, String text) {
    double w = width(text, size);
    double left = switch (anchor) {
      case "end" -> x - w;
      case "middle" -> x - w / 2;
      default -> x;
    };
    return new Box(left, baseline - 0.8 * size, w, size);
  }

  /** Returns whether a label would overlap one already drawn. */
  boolean collides(Box b) {
    return boxes.stream().anyMatch(b::overlaps);
  }

  /**
   * Writes a label. {@code halo} draws a white outline under dark text, for text over coloured shapes.
   * Returns its box.
   */
  Box text(double x, double baseline, double size, String anchor, String fill, String cls, boolean halo,
      String text) {
    if (size < MIN_FONT) {
      throw new IllegalArgumentException("font size " + size + " is under " + MIN_FONT);
    }
    Box b = box(x, baseline, size, anchor, text);
    boxes.add(b);
    out.append("<text class=\"label").append(cls.isEmpty() ? "" : " " + cls).append("\" x=\"").append(n(x))
        .append("\" y=\"").append(n(baseline)).append("\" font-size=\"").append(n(size)).append('"');
    if (!anchor.equals("start")) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    out.append(" fill=\"").append(fill).append('"');
    if (halo) {
      out.append(" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
    }
    out.append(" data-box=\"").append(n(b.x())).append(' ').append(n(b.y())).append(' ').append(n(b.w()))
        .append(' ').append(n(b.h())).append("\">").append(Xml.escape(text)).append("</text>");
    return b;
  }

  /** Reserves a box for a shape that labels must not cover (a marker), and returns it. */
  Box reserve(Box b) {
    boxes.add(b);
    return b;
  }
}
