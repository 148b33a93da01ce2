package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Identifies a LUN by its name, which is unique within its cluster.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the LUN name; see {@link Names} for the allowed characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record LunId(String name) implements Comparable<LunId> {
  /**
   * Creates an identifier after checking the name.
   *
   * @param name the LUN name; see {@link Names} for the allowed characters
   * @throws InvalidConfigurationException when the name is not allowed by {@link Names}
   */
  public LunId {
    Names.check("LUN", name);
  }

  /**
   * Returns an identifier for the given name.
   *
   * @param name the LUN name
   * @return the identifier
   * @throws InvalidConfigurationException when the name is not allowed by {@link Names}
   */
  public static LunId of(String name) {
    return new LunId(name);
  }

  /** Orders identifiers by name, so that output built from them is deterministic. */
  @Override
  public int compareTo(LunId other) {
    return name.compareTo(other.name);
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }
}
