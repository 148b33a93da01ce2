package io.hvcluster.core.management.validation;

import io.hvcluster.core.management.description.ClusterDescription;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Validates a cluster description the way the Windows Server 2008 Validate a Configuration wizard and
 * the seed's best practices would, and reports every {@link ValidationRule} as PASS, WARN or FAIL items
 * with reasons. A report without FAIL items describes a cluster Microsoft would support; WARN items are
 * advice.
 *
 * <p>Stateless and thread-safe. Example:
 *
 * <pre>{@code
 * ValidationReport report = ConfigurationValidator.validate(description.check());
 * report.items().forEach(i -> System.out.println(i.status() + " " + i.rule().id() + " " + i.subject() + ": " + i.reason()));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ConfigurationValidator {
  private ConfigurationValidator() {}

  /**
   * Validates a description. Run {@link ClusterDescription#check()} first: the rules assume names are
   * unique and references resolve.
   *
   * @param d the description
   * @return the report, items in {@link ValidationRule} order
   */
  public static ValidationReport validate(ClusterDescription d) {
    List<ValidationItem> items = new ArrayList<>();
    items.addAll(InventoryRules.nodeCount(d));
    items.addAll(InventoryRules.edition(d));
    items.addAll(InventoryRules.architecture(d));
    items.addAll(InventoryRules.serverCore(d));
    items.addAll(InventoryRules.hostMemory(d));
    items.addAll(SystemRules.osLevel(d));
    items.addAll(SystemRules.vmLimits(d));
    items.addAll(SystemRules.era(d));
    items.addAll(StorageRules.sharedStorage(d));
    d.storage().ifPresent(s -> {
      items.addAll(StorageRules.persistentReservations(s));
      items.addAll(StorageRules.certified(s));
      items.addAll(StorageRules.mpio(s));
      items.addAll(StorageRules.lunPerVm(d, s));
      items.addAll(StorageRules.driveLetters(s));
    });
    items.addAll(StorageRules.fixedVhd(d));
    items.addAll(NetworkRules.guestNicPorts(d));
    items.addAll(NetworkRules.heartbeat(d));
    items.addAll(NetworkRules.iscsi(d));
    items.addAll(ClusterRules.quorum(d));
    items.addAll(GuestClusterRule.check(d));
    items.addAll(ClusterRules.reserve(d));
    return new ValidationReport(d.name(), items);
  }
}
