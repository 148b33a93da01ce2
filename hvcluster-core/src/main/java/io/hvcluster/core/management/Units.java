package io.hvcluster.core.management;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Unit conversions and formatting shared by the management features. Internal: this package is not
 * exported from the module.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Units {
  /** Bytes in a MiB. */
  public static final long MIB = 1L << 20;
  /** Bytes in a GiB. */
  public static final long GIB = 1L << 30;

  private Units() {}

  /** Converts GiB to bytes, rounded to whole MiB (so also to whole 4 KiB pages). */
  public static long gibToBytes(double gib) {
    return Math.round(gib * 1024) * MIB;
  }

  /** Formats bytes as GiB with at most two decimals and no trailing zeros: "30 GiB", "1.5 GiB". */
  public static String gib(long bytes) {
    return number(bytes / (double) GIB) + " GiB";
  }

  /** Formats a number with at most two decimals and no trailing zeros. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = String.format(Locale.ROOT, "%.2f", value);
    while (s.endsWith("0")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Returns "1 node" or "3 nodes". */
  public static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** Returns "the only VM" or "all 3 VMs". */
  public static String all(long count, String noun) {
    return count == 1 ? "the only " + noun : "all " + count + " " + noun + "s";
  }

  /** Divides and rounds up; both operands positive. */
  public static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
