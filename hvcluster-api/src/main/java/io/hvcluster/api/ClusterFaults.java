package io.hvcluster.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Injects and heals faults in one simulated cluster, at the current virtual time. Each method records
 * a {@link io.hvcluster.api.event.FaultApplied} or {@link io.hvcluster.api.event.FaultHealed} event and
 * then lets the cluster react as Windows Server 2008 failover clustering would: heartbeats go missing,
 * routes are declared down, the cluster regroups, storage is arbitrated and groups fail over.
 *
 * <p>Faults are idempotent: crashing a host that is already down, or cutting a link that is already
 * cut, changes nothing. Not thread-safe: use it on the simulation's thread.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ClusterFaults {
  /**
   * Cuts a host's power: the host, its cluster service and every VM on it stop at once, without
   * saving anything.
   *
   * @param host the host
   */
  void crashHost(HostId host);

  /**
   * Cuts a host's power, the host named by its name; see {@link #crashHost(HostId)}.
   *
   * @param host the host's name
   * @throws InvalidConfigurationException when the name is not a valid name ({@link Names})
   * @throws NoSuchEntityException when the cluster has no such host
   * @since 0.1.0
   */
  default void crashHost(String host) {
    crashHost(HostId.of(host));
  }

  /**
   * Powers a host back on (a repair); it boots, starts its cluster service and joins the cluster.
   *
   * @param host the host
   */
  void powerOnHost(HostId host);

  /**
   * Powers a host back on, the host named by its name; see {@link #powerOnHost(HostId)}.
   *
   * @param host the host's name
   * @since 0.1.0
   */
  default void powerOnHost(String host) {
    powerOnHost(HostId.of(host));
  }

  /**
   * Hangs a host: it keeps power and memory but stops executing, so it sends no heartbeats and its VMs
   * freeze.
   *
   * @param host the host
   */
  void hangHost(HostId host);

  /**
   * Resumes a hung host. If the cluster removed it meanwhile, it stops its stale VMs and rejoins.
   *
   * @param host the host
   */
  void resumeHost(HostId host);

  /**
   * Crashes a host's cluster service: its VMs are turned off and the service restarts after a delay.
   *
   * @param host the host
   */
  void crashClusterService(HostId host);

  /**
   * Cuts the heartbeat network link in one direction: heartbeats from {@code from} no longer reach
   * {@code to}.
   *
   * @param from the sender
   * @param to the receiver
   */
  void cutLink(HostId from, HostId to);

  /**
   * Restores a link cut by {@link #cutLink}.
   *
   * @param from the sender
   * @param to the receiver
   */
  void restoreLink(HostId from, HostId to);

  /**
   * Cuts every link between hosts of different sides, both ways. Hosts not named form one more side.
   *
   * @param sides disjoint sets of hosts
   * @throws IllegalArgumentException when a host is named twice or does not exist
   */
  void partition(List<Set<HostId>> sides);

  /** Restores every heartbeat link. */
  void healNetwork();

  /**
   * Fails {@code paths} of a host's MPIO paths to a LUN. With paths left, nothing changes; with none,
   * the LUN's resources fail on that host (or, for a Cluster Shared Volume, its I/O is redirected
   * through the coordinator).
   *
   * @param host the host
   * @param lun the LUN
   * @param paths how many paths to fail; at least 1
   */
  void failStoragePaths(HostId host, LunId lun, int paths);

  /**
   * Restores every failed path from a host to a LUN.
   *
   * @param host the host
   * @param lun the LUN
   */
  void restoreStoragePaths(HostId host, LunId lun);

  /**
   * Takes a LUN offline at the storage array: no host can use it.
   *
   * @param lun the LUN
   */
  void takeLunOffline(LunId lun);

  /**
   * Brings a LUN back online at the storage array.
   *
   * @param lun the LUN
   */
  void bringLunOnline(LunId lun);

  /**
   * Makes the witness (disk or file share) unavailable to every node.
   */
  void loseWitness();

  /** Makes the witness available again. */
  void restoreWitness();

  /**
   * Slows a LUN down: every storage transfer to or from it takes {@code factor} times as long (a
   * latency spike or stall).
   *
   * @param lun the LUN
   * @param factor 1 for normal speed, more for slower
   */
  void slowLun(LunId lun, double factor);

  /**
   * Has another node preempt the reservation of a LUN (a rogue or confused initiator): the owner loses
   * it at once.
   *
   * @param lun the LUN
   * @param by the node that preempts
   */
  void preemptReservation(LunId lun, HostId by);

  /**
   * Crashes a VM's worker process: the VM resource fails and the restart policy applies.
   *
   * @param vm the VM
   */
  void crashVm(VmId vm);

  /**
   * Crashes a VM's worker process, the VM named by its name; see {@link #crashVm(VmId)}.
   *
   * @param vm the VM's name
   * @since 0.1.0
   */
  default void crashVm(String vm) {
    crashVm(VmId.of(vm));
  }

  /**
   * Hangs a VM's guest OS: it stops answering the heartbeat integration service. If the VM's spec
   * checks the heartbeat, the cluster treats it as a resource failure after a timeout.
   *
   * @param vm the VM
   */
  void hangGuest(VmId vm);

  /**
   * Lets a hung guest run again, if it has not been restarted already.
   *
   * @param vm the VM
   */
  void resumeGuest(VmId vm);

  /**
   * Delays heartbeats from {@code from} to {@code to}. A delay of at least one heartbeat period makes every
   * heartbeat arrive too late to count, so the route fails as if cut; a shorter delay changes nothing.
   * {@link Duration#ZERO} removes the delay.
   *
   * @param from the sender
   * @param to the receiver
   * @param delay the extra latency
   */
  void delayHeartbeats(HostId from, HostId to, Duration delay);

  /**
   * Takes a node's interface on one cluster network down (a failed NIC, cable or switch port). The
   * cluster removes the node only when every network that carries heartbeats to it is down; while
   * another cluster network joins it to the others, it stays a member.
   *
   * @param node the node
   * @param network the cluster network's name ({@link io.hvcluster.api.spec.ClusterSettings#networks()})
   * @throws IllegalArgumentException when the cluster has no network of that name
   */
  void cutNetwork(HostId node, String network);

  /**
   * Brings a node's interface on a cluster network back up.
   *
   * @param node the node
   * @param network the cluster network's name
   * @throws IllegalArgumentException when the cluster has no network of that name
   */
  void restoreNetwork(HostId node, String network);

  /**
   * Cuts the live-migration network between two nodes, both ways; migrations between them that copy
   * memory over it fail or fall back.
   *
   * @param a one node
   * @param b the other
   */
  void cutMigrationLink(HostId a, HostId b);

  /**
   * Restores the live-migration network between two nodes.
   *
   * @param a one node
   * @param b the other
   */
  void restoreMigrationLink(HostId a, HostId b);

  /**
   * Makes writes to a LUN fail, with an I/O error or because it is full; saves of saved-state files to it
   * fail and the VMs concerned keep running.
   *
   * @param lun the LUN
   * @param noSpace true for "no space left", false for an I/O error
   */
  void failStorageWrites(LunId lun, boolean noSpace);

  /**
   * Lets writes to a LUN succeed again.
   *
   * @param lun the LUN
   */
  void restoreStorageWrites(LunId lun);

  /**
   * Damages a VM's committed saved state on its LUN (real files for real memory). The next restore finds
   * the damage and the cluster cold-boots the VM instead, saying why.
   *
   * @param vm the VM
   * @param damage the kind of damage
   */
  void damageSavedState(VmId vm, SavedStateDamage damage);

  /**
   * Loses the acknowledgement of the switchover of the VM's current (or next) migration: the source does
   * not hear that the target resumed and has to find out by probing it.
   *
   * @param vm the VM
   */
  void loseMigrationAcknowledgement(VmId vm);

  /**
   * Makes the next {@code count} starts of a VM fail (a broken VHD or configuration), each after
   * {@code after} of trying.
   *
   * @param vm the VM
   * @param count failing starts
   * @param after how long each failing start takes before it fails
   */
  void failNextStarts(VmId vm, int count, Duration after);
}
