package io.hvcluster.core.management.validation;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One line of a validation report: a rule, its outcome for one subject, and why.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param rule the rule
 * @param status the outcome
 * @param subject what the item is about: {@code "cluster"}, a host, a VM, a LUN, {@code "storage"}…
 * @param reason why, with the numbers that decided it
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ValidationItem(ValidationRule rule, ValidationStatus status, String subject, String reason) {
  /**
   * Creates an item.
   *
   * @param rule the rule
   * @param status the outcome
   * @param subject what the item is about
   * @param reason why
   * @throws NullPointerException when a field is null
   */
  public ValidationItem {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
  }

  static ValidationItem pass(ValidationRule rule, String subject, String reason) {
    return new ValidationItem(rule, ValidationStatus.PASS, subject, reason);
  }

  static ValidationItem warn(ValidationRule rule, String subject, String reason) {
    return new ValidationItem(rule, ValidationStatus.WARN, subject, reason);
  }

  static ValidationItem fail(ValidationRule rule, String subject, String reason) {
    return new ValidationItem(rule, ValidationStatus.FAIL, subject, reason);
  }
}
