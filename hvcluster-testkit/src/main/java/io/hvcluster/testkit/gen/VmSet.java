package io.hvcluster.testkit.gen;

import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A generated set of VMs together with the data LUNs they use.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param vms the VMs
 * @param luns the data LUNs the VMs reference, each used by at least one VM
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record VmSet(List<VmSpec> vms, List<LunSpec> luns) {
  /**
   * Creates a VM set.
   *
   * @param vms the VMs
   * @param luns the data LUNs
   */
  public VmSet {
    vms = List.copyOf(vms);
    luns = List.copyOf(luns);
  }
}
