package io.hvcluster.core.management.vmm;

import org.apiguardian.api.API;

/**
 * How much each resource counts in a host's rating, after SCVMM's resource-importance sliders.
 * Weights are relative: (2, 1, 1, 1) makes CPU count twice as much as each of the others.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cpu the weight of processor load, 0 or more
 * @param memory the weight of memory use, 0 or more
 * @param diskIo the weight of disk I/O, 0 or more
 * @param network the weight of network traffic, 0 or more
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ResourceWeights(double cpu, double memory, double diskIo, double network) {
  /** Equal weights, the default. */
  public static final ResourceWeights EQUAL = new ResourceWeights(1, 1, 1, 1);

  /**
   * Creates weights after checking them.
   *
   * @param cpu the weight of processor load
   * @param memory the weight of memory use
   * @param diskIo the weight of disk I/O
   * @param network the weight of network traffic
   * @throws IllegalArgumentException when a weight is negative or not finite, or all are zero
   */
  public ResourceWeights {
    check("CPU", cpu);
    check("memory", memory);
    check("disk I/O", diskIo);
    check("network", network);
    if (total(cpu, memory, diskIo, network) == 0) {
      throw new IllegalArgumentException("all resource weights are 0; at least one must be positive");
    }
  }

  /**
   * Returns the sum of the weights.
   *
   * @return the total, positive
   */
  public double total() {
    return total(cpu, memory, diskIo, network);
  }

  private static double total(double a, double b, double c, double d) {
    return a + b + c + d;
  }

  private static void check(String what, double weight) {
    if (!(weight >= 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException(what + " weight is " + weight + "; it must be 0 or more");
    }
  }
}
