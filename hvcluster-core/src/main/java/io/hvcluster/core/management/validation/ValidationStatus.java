package io.hvcluster.core.management.validation;

import org.apiguardian.api.API;

/**
 * The outcome of one validation item, worst last, after the Validate a Configuration wizard.
 *
 * <p>Enum constants are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ValidationStatus {
  /** The rule holds. */
  PASS,
  /** The cluster works, but against a best practice or with a fact left unstated. */
  WARN,
  /** The cluster cannot work as described, or Microsoft would not support it. */
  FAIL;

  /**
   * Returns the worse of two statuses.
   *
   * @param other the other status
   * @return this or other, whichever is worse
   */
  public ValidationStatus worst(ValidationStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
