package io.hvcluster.api;

import org.apiguardian.api.API;

/**
 * Identifies a VM by its name, which is unique within its cluster.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the VM name; see {@link Names} for the allowed characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record VmId(String name) implements Comparable<VmId> {
  /**
   * Creates an identifier after checking the name.
   *
   * @param name the VM name; see {@link Names} for the allowed characters
   * @throws InvalidConfigurationException when the name is not allowed by {@link Names}
   */
  public VmId {
    Names.check("VM", name);
  }

  /**
   * Returns an identifier for the given name.
   *
   * @param name the VM name
   * @return the identifier
   * @throws InvalidConfigurationException when the name is not allowed by {@link Names}
   */
  public static VmId of(String name) {
    return new VmId(name);
  }

  /** Orders identifiers by name, so that output built from them is deterministic. */
  @Override
  public int compareTo(VmId other) {
    return name.compareTo(other.name);
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }
}
