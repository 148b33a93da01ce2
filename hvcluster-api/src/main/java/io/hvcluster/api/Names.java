package io.hvcluster.api;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Validates the names of hosts, VMs, LUNs, clusters and groups. A name may later become part of a
 * file name (saved-state files are named after their VM), so the allowed alphabet is deliberately
 * small, and the names Windows reserves for devices ({@code CON}, {@code PRN}, {@code AUX},
 * {@code NUL}, {@code COM0} to {@code COM9}, {@code LPT0} to {@code LPT9}, in any case, alone or
 * before an extension as in {@code con.txt}) are refused: on the Windows hosts where these clusters
 * live, a file so named opens the device instead.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Names {
  /** The longest name allowed, in characters. */
  public static final int MAX_LENGTH = 63;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  /**
   * The device names of Win32 file names, matched on the part before the first dot ("Naming Files,
   * Paths, and Namespaces", Microsoft Learn; reserved since MS-DOS, so on Windows Server 2008 too).
   */
  private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

  private Names() {}

  /**
   * Returns {@code name} when it is a valid entity name, and throws otherwise.
   *
   * @param kind what is being named, used in the message (for example {@code "host"})
   * @param name the name to check
   * @return {@code name}
   * @throws InvalidConfigurationException when the name is null, empty, too long or uses characters
   *     other than letters, digits, dot, underscore and hyphen, or starts with anything but a letter
   *     or digit, or is a Windows device name such as {@code con} or {@code com1.vm}
   */
  public static String check(String kind, String name) {
    if (name == null) {
      throw new InvalidConfigurationException(kind + " name is missing; a name of 1 to " + MAX_LENGTH
          + " letters, digits, '.', '_' or '-' is required");
    }
    if (isDeviceName(name)) {
      throw new InvalidConfigurationException(kind + " name '" + name + "' is a Windows device name: a file named"
          + " after it would open the device; CON, PRN, AUX, NUL, COM0 to COM9 and LPT0 to LPT9 are refused in any"
          + " case, also before an extension such as '" + name.split("\\.", 2)[0] + ".txt'");
    }
    if (!isValid(name)) {
      throw new InvalidConfigurationException(kind + " name '" + printable(name) + "' is not allowed; use 1 to "
          + MAX_LENGTH + " characters from letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    return name;
  }

  /**
   * Returns whether {@code name} is a valid entity name.
   *
   * @param name the candidate name, may be null
   * @return true when {@link #check(String, String)} would accept it
   */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches() && !isDeviceName(name);
  }

  /**
   * Returns whether {@code name} is, before its first dot, a device name Windows reserves.
   *
   * @param name the candidate name, may be null
   * @return true for names such as {@code con}, {@code NUL}, {@code com1} and {@code lpt9.log}
   */
  public static boolean isDeviceName(String name) {
    return name != null && DEVICE.matcher(name).matches();
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && i < 80; i++) {
      char c = name.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return name.length() > 80 ? out + "..." : out.toString();
  }
}
