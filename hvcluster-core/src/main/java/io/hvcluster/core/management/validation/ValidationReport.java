package io.hvcluster.core.management.validation;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of validating a cluster description: every item in rule order, PASS, WARN or FAIL.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cluster the cluster's name
 * @param items the items, in rule order and, within a rule, in file order
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ValidationReport(String cluster, List<ValidationItem> items) {
  /**
   * Creates a report; copies the items.
   *
   * @param cluster the cluster's name
   * @param items the items
   * @throws NullPointerException when the name or an item is null
   */
  public ValidationReport {
    Objects.requireNonNull(cluster, "cluster");
    items = List.copyOf(items);
  }

  /**
   * Returns the worst status of any item; PASS for an empty report.
   *
   * @return the overall status
   */
  public ValidationStatus status() {
    return items.stream().map(ValidationItem::status).reduce(ValidationStatus.PASS, ValidationStatus::worst);
  }

  /**
   * Returns whether any item failed.
   *
   * @return true when at least one item is FAIL
   */
  public boolean failed() {
    return status() == ValidationStatus.FAIL;
  }

  /**
   * Returns how many items have the given status.
   *
   * @param status the status
   * @return the count
   */
  public long count(ValidationStatus status) {
    return items.stream().filter(i -> i.status() == status).count();
  }

  /**
   * Returns the items of one rule.
   *
   * @param rule the rule
   * @return its items, in order
   */
  public List<ValidationItem> items(ValidationRule rule) {
    return items.stream().filter(i -> i.rule() == rule).toList();
  }

  /**
   * Returns the worst status among the items of one rule; PASS when the rule produced no items.
   *
   * @param rule the rule
   * @return the status
   */
  public ValidationStatus status(ValidationRule rule) {
    return items(rule).stream().map(ValidationItem::status).reduce(ValidationStatus.PASS, ValidationStatus::worst);
  }
}
