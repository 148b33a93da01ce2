package io.hvcluster.core.management.vmm;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of provisioning a VM from a template: where it went and its spec. A VM for a standalone
 * host is deployed at once. A running simulated cluster cannot take new VMs (the cluster API has no
 * hot-add), so for a cluster the deployment carries the cluster's spec with the new LUN and VM added,
 * ready for the next simulation.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param vm the new VM's spec; it prefers the chosen host
 * @param option the chosen host and its rating
 * @param lun the LUN created for a clustered VM, or empty on a standalone host
 * @param clusterSpec the cluster's spec with the LUN and VM added, or empty on a standalone host
 * @param deployed whether the VM now exists (true on a standalone host)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Deployment(VmSpec vm, PlacementOption option, Optional<LunSpec> lun, Optional<ClusterSpec> clusterSpec,
    boolean deployed) {
  /**
   * Creates a deployment.
   *
   * @param vm the VM's spec
   * @param option where it went
   * @param lun its LUN, or empty
   * @param clusterSpec the grown cluster spec, or empty
   * @param deployed whether the VM exists now
   * @throws NullPointerException when a field is null
   */
  public Deployment {
    Objects.requireNonNull(vm, "vm");
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(lun, "lun");
    Objects.requireNonNull(clusterSpec, "clusterSpec");
  }

  /**
   * Returns the host the VM went to.
   *
   * @return the host
   */
  public HostId host() {
    return option.rating().host();
  }
}
