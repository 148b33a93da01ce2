package io.hvcluster.campaign.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Where a grid member binds and whom it joins: a cluster name, the address and port it binds (loopback
 * by default), and the other members as {@code HOST:PORT}. Members find each other only through this list:
 * no multicast, no cloud auto-detection.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param clusterName members join only a cluster of the same name
 * @param bind the address this member binds and announces, for example {@code 127.0.0.1}
 * @param port the port it listens on, 1 to 65535
 * @param members the other members, {@code HOST:PORT} each (may be empty for the first member)
 * @param threads worker threads on this member, 1 to 256
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record GridOptions(String clusterName, String bind, int port, List<String> members, int threads) {
  /** The default cluster name. */
  public static final String DEFAULT_CLUSTER = "hvcluster";
  /** The default address: loopback, so that nothing is reachable from another machine unless asked. */
  public static final String DEFAULT_BIND = "127.0.0.1";
  /** The default port. */
  public static final int DEFAULT_PORT = 5701;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern HOST_PORT = Pattern.compile("([^:\\s]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");

  /**
   * Creates options after checking them.
   *
   * @param clusterName the cluster's name: 1 to 64 letters, digits, dots, dashes or underscores
   * @param bind the address to bind
   * @param port the port, 1 to 65535
   * @param members the other members, {@code HOST:PORT} each
   * @param threads worker threads, 1 to 256
   * @throws IllegalArgumentException when a value is malformed or out of range
   */
  public GridOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(bind, "bind");
    if (!NAME.matcher(clusterName).matches()) {
      throw new IllegalArgumentException("cluster name '" + clusterName + "' is not allowed; use 1 to 64 letters,"
          + " digits, '.', '-' or '_'");
    }
    if (bind.isBlank()) {
      throw new IllegalArgumentException("bind address is empty; give an address such as 127.0.0.1");
    }
    checkPort(port, "port");
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads is " + threads + "; allowed: 1 to 256");
    }
    List<String> checked = new ArrayList<>();
    for (String m : members) {
      String t = m.strip();
      var matcher = HOST_PORT.matcher(t);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("member '" + m + "' is not HOST:PORT, for example 10.0.0.5:5701");
      }
      checkPort(Integer.parseInt(matcher.group(2)), "port of member " + t);
      checked.add(t);
    }
    members = List.copyOf(checked);
  }

  /**
   * Returns options for a member on loopback at the default port, with one thread per processor.
   *
   * @return the defaults
   */
  public static GridOptions defaults() {
    return new GridOptions(DEFAULT_CLUSTER, DEFAULT_BIND, DEFAULT_PORT, List.of(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns a copy with another port.
   *
   * @param newPort the port
   * @return the options
   */
  public GridOptions withPort(int newPort) {
    return new GridOptions(clusterName, bind, newPort, members, threads);
  }

  /**
   * Returns a copy with other members to join.
   *
   * @param newMembers {@code HOST:PORT} each
   * @return the options
   */
  public GridOptions withMembers(List<String> newMembers) {
    return new GridOptions(clusterName, bind, port, newMembers, threads);
  }

  /**
   * Returns a copy with another cluster name.
   *
   * @param name the name
   * @return the options
   */
  public GridOptions withClusterName(String name) {
    return new GridOptions(name, bind, port, members, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param n worker threads
   * @return the options
   */
  public GridOptions withThreads(int n) {
    return new GridOptions(clusterName, bind, port, members, n);
  }

  /**
   * Returns a copy that binds another address.
   *
   * @param address the address
   * @return the options
   */
  public GridOptions withBind(String address) {
    return new GridOptions(clusterName, address, port, members, threads);
  }

  private static void checkPort(int port, String what) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(what + " is " + port + "; allowed: 1 to 65535");
    }
  }
}
