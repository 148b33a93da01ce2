package io.hvcluster.core.management.vmm;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.api.spec.VmSpec;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A Hyper-V host the manager manages outside any cluster. It runs VMs that are not highly available;
 * the manager models only their placement and memory, not their life cycle.
 *
 * <p>Not thread-safe: use it from the thread that drives the manager.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class StandaloneHost {
  private final HostSpec spec;
  private final List<VmSpec> vms = new ArrayList<>();

  StandaloneHost(HostSpec spec) {
    this.spec = spec;
  }

  /**
   * Returns the host's name.
   *
   * @return the name
   */
  public HostId id() {
    return spec.id();
  }

  /**
   * Returns the host's hardware and OS.
   *
   * @return the spec
   */
  public HostSpec spec() {
    return spec;
  }

  /**
   * Returns the VMs deployed on the host, in deployment order.
   *
   * @return the VMs
   */
  public List<VmSpec> vms() {
    return List.copyOf(vms);
  }

  /**
   * Returns the memory committed to its VMs.
   *
   * @return bytes
   */
  public long memoryCommittedBytes() {
    return vms.stream().mapToLong(VmSpec::memoryBytes).sum();
  }

  /**
   * Returns the memory still free for VMs.
   *
   * @return bytes, never negative
   */
  public long memoryFreeBytes() {
    return Math.max(0, spec.vmMemoryBytes() - memoryCommittedBytes());
  }

  void deploy(VmSpec vm) {
    vms.add(vm);
  }

  @Override
  public String toString() {
    return "standalone host '" + spec.id() + "'";
  }
}
