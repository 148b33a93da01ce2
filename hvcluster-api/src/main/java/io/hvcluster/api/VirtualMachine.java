package io.hvcluster.api;

import io.hvcluster.api.spec.VmSpec;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A highly available virtual machine as the cluster sees it.
 *
 * <p>Not thread-safe: read it from the thread that drives its simulation. The view is live.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface VirtualMachine {
  /**
   * Returns the VM's name.
   *
   * @return the identifier
   */
  VmId id();

  /**
   * Returns the VM's configuration.
   *
   * @return the spec
   */
  VmSpec spec();

  /**
   * Returns the VM's state.
   *
   * @return the state
   */
  VmState state();

  /**
   * Returns the node the VM is on (running, starting, saving or saved there).
   *
   * @return the host, or empty when the VM is off and unplaced
   */
  Optional<HostId> host();

  /**
   * Returns the name of the cluster group that holds this VM.
   *
   * @return the group name
   */
  String group();

  /**
   * Returns whether an operator stopped this VM; the cluster never restarts such a VM on its own.
   *
   * @return true after an operator stop, until an operator starts it again
   */
  boolean isOperatorStopped();

  /**
   * Returns why the VM last changed state, for example {@code "host node2 crashed"}, or, while the cluster
   * wants it running but cannot place it, why it waits: the same text as its group's
   * {@link ClusterGroup#lastReason()}, for example
   * {@code "waiting: no node meets the hard requirements: needs 4096 MiB free on a possible owner; ..."}.
   *
   * @return the reason, empty before the first change
   */
  String lastReason();

  /**
   * Returns the VM's guest memory while it holds memory on a host.
   *
   * @return the memory, or empty when the VM holds none
   */
  Optional<GuestMemory> memory();
}
