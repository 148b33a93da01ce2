package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Identifies a host by its name, which is unique within its cluster.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the host name; see {@link Names} for the allowed characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HostId(String name) implements Comparable<HostId> {
  /**
   * Creates an identifier after checking the name.
   *
   * @param name the host name; see {@link Names} for the allowed characters
   * @throws InvalidConfigurationException when the name is not allowed by {@link Names}
   */
  public HostId {
    Names.check("host", name);
  }

  /**
   * Returns an identifier for the given name.
   *
   * @param name the host name
   * @return the identifier
   * @throws InvalidConfigurationException when the name is not allowed by {@link Names}
   */
  public static HostId of(String name) {
    return new HostId(name);
  }

  /** Orders identifiers by name, so that output built from them is deterministic. */
  @Override
  public int compareTo(HostId other) {
    return name.compareTo(other.name);
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }
}
