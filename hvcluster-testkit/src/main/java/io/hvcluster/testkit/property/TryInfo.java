package io.hvcluster.testkit.property;

import org.apiguardian.api.API;

/**
 * Says which try of a property run is executing: its seed, its index, and whether it is a re-run made
 * while shrinking a counterexample. A body that needs randomness of its own (for example a simulation's
 * master seed) takes it from {@link #seed()}, which stays the same while the generated value shrinks.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param seed the seed the try's value was generated from
 * @param index the try's index, 0 for the first
 * @param shrinkStep 0 for a generated try; 1 or more for the re-runs of shrinking, counting attempts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record TryInfo(long seed, int index, int shrinkStep) {
  /**
   * Creates try information after checking it.
   *
   * @param seed the seed the try's value was generated from
   * @param index the try's index, 0 for the first
   * @param shrinkStep 0 for a generated try; 1 or more while shrinking
   * @throws IllegalArgumentException when the index or step is negative
   */
  public TryInfo {
    if (index < 0 || shrinkStep < 0) {
      throw new IllegalArgumentException("try index " + index + " and shrink step " + shrinkStep + " must be 0 or more");
    }
  }

  /**
   * Returns whether this is a re-run made while shrinking.
   *
   * @return true while shrinking
   */
  public boolean shrinking() {
    return shrinkStep > 0;
  }

  /** Returns a short description such as {@code "try #3 (seed 0x...)"}. */
  @Override
  public String toString() {
    return "try #" + index + " (seed " + Seeds.format(seed) + (shrinking() ? ", shrink attempt " + shrinkStep : "") + ")";
  }
}
