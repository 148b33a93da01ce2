package io.hvcluster.core.management.vmm;

import io.hvcluster.api.migration.MigrationKind;
import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A PRO-style tip: move one VM from a busy host to a quieter one, by the given kind of migration. Load
 * is the weighted utilisation of a host (CPU, memory, disk I/O and network, with the placement policy's
 * weights and expected VM loads, counting only resources some VM is expected to use); the spread is the
 * busiest host's load less the idlest host's.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cluster the cluster
 * @param vm the VM to move
 * @param from the host it runs on
 * @param to the host to move it to
 * @param kind how to move it
 * @param spreadBefore the load spread before the move, 0 to 1 (and more when over-committed)
 * @param spreadAfter the load spread after the move
 * @param reason why, with the numbers
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record RebalanceSuggestion(String cluster, VmId vm, HostId from, HostId to, MigrationKind kind,
    double spreadBefore, double spreadAfter, String reason) {
  /**
   * Creates a suggestion.
   *
   * @param cluster the cluster
   * @param vm the VM
   * @param from its host
   * @param to the target
   * @param kind the migration kind
   * @param spreadBefore spread before
   * @param spreadAfter spread after
   * @param reason why
   * @throws NullPointerException when a field is null
   */
  public RebalanceSuggestion {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(vm, "vm");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
