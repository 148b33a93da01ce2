package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.ClusterFaults;
import io.hvcluster.api.Host;
import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.VirtualMachine;
import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.Link;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;

/**
 * The engine's fault primitives behind reference counts: each fault takes holds on what it breaks, and
 * a target is repaired only when no active fault holds it any more. Overlapping faults therefore
 * compose (a link cut by a split and by an isolation comes back when both have healed), and healing one
 * fault never undoes another.
 */
final class Primitives {
  private final Cluster cluster;
  private final ClusterFaults faults;
  private final Holds<Link> cut = new Holds<>();
  private final Levels<Link, Duration> delays = new Levels<>();
  private final Holds<HostId> down = new Holds<>();
  private final Holds<HostId> hung = new Holds<>();
  private final Holds<HostId> serviceDown = new Holds<>();
  private final Holds<StoragePath> pathsDown = new Holds<>();
  private final Holds<LunId> offline = new Holds<>();
  private final Levels<LunId, Double> slow = new Levels<>();
  private final Levels<LunId, Integer> writes = new Levels<>();
  private final Holds<String> witness = new Holds<>();
  private final Holds<VmId> guests = new Holds<>();

  Primitives(Cluster cluster, ClusterFaults faults) {
    this.cluster = cluster;
    this.faults = faults;
  }

  Cluster cluster() {
    return cluster;
  }

  ClusterFaults faults() {
    return faults;
  }

  /** A host's storage paths to one LUN. */
  record StoragePath(HostId host, LunId lun) implements Comparable<StoragePath> {
    private static final Comparator<StoragePath> ORDER =
        Comparator.comparing(StoragePath::host).thenComparing(StoragePath::lun);

    @Override
    public int compareTo(StoragePath other) {
      return ORDER.compare(this, other);
    }
  }

  void cut(Collection<Link> links) {
    for (Link l : links) {
      if (cut.acquire(l)) {
        faults.cutLink(l.from(), l.to());
      }
    }
  }

  void restore(Collection<Link> links) {
    for (Link l : links) {
      if (cut.release(l)) {
        faults.restoreLink(l.from(), l.to());
      }
    }
  }

  void delay(Link link, Duration delay) {
    faults.delayHeartbeats(link.from(), link.to(), delays.add(link, delay));
  }

  void undelay(Link link, Duration delay) {
    faults.delayHeartbeats(link.from(), link.to(), delays.remove(link, delay).orElse(Duration.ZERO));
  }

  void crash(HostId host) {
    down.acquire(host);
    faults.crashHost(host);
  }

  void powerOn(HostId host) {
    if (down.release(host)) {
      faults.powerOnHost(host);
    }
  }

  void hang(HostId host) {
    hung.acquire(host);
    faults.hangHost(host);
  }

  void resume(HostId host) {
    if (hung.release(host)) {
      faults.resumeHost(host);
    }
  }

  void crashService(HostId host) {
    serviceDown.acquire(host);
    faults.crashClusterService(host);
  }

  /** Lets a crashed cluster service come back; the engine restarts it on its own. */
  void releaseService(HostId host) {
    serviceDown.release(host);
  }

  /** Returns whether a fault keeps the node's cluster service down. */
  boolean serviceHeld(HostId host) {
    return serviceDown.held(host);
  }

  void failPaths(HostId host, LunId lun) {
    if (pathsDown.acquire(new StoragePath(host, lun))) {
      faults.failStoragePaths(host, lun, cluster.spec().storage().pathsPerHost());
    }
  }

  void restorePaths(HostId host, LunId lun) {
    if (pathsDown.release(new StoragePath(host, lun))) {
      faults.restoreStoragePaths(host, lun);
    }
  }

  void takeOffline(LunId lun) {
    if (offline.acquire(lun)) {
      faults.takeLunOffline(lun);
    }
  }

  void bringOnline(LunId lun) {
    if (offline.release(lun)) {
      faults.bringLunOnline(lun);
    }
  }

  void slow(LunId lun, double factor) {
    faults.slowLun(lun, slow.add(lun, factor));
  }

  void unslow(LunId lun, double factor) {
    faults.slowLun(lun, slow.remove(lun, factor).orElse(1.0));
  }

  /** Fails writes to a LUN; kind 1 is an I/O error, kind 2 no space (which wins while both are active). */
  void failWrites(LunId lun, int kind) {
    faults.failStorageWrites(lun, writes.add(lun, kind) == 2);
  }

  void restoreWrites(LunId lun, int kind) {
    Integer left = writes.remove(lun, kind).orElse(null);
    if (left == null) {
      faults.restoreStorageWrites(lun);
    } else {
      faults.failStorageWrites(lun, left == 2);
    }
  }

  void loseWitness() {
    if (witness.acquire("witness")) {
      faults.loseWitness();
    }
  }

  void restoreWitness() {
    if (witness.release("witness")) {
      faults.restoreWitness();
    }
  }

  void hangGuest(VmId vm) {
    guests.acquire(vm);
    faults.hangGuest(vm);
  }

  void resumeGuest(VmId vm) {
    if (guests.release(vm)) {
      faults.resumeGuest(vm);
    }
  }

  /**
   * Repairs everything at once (the plan's heal phase): forgets every hold, then restores the network,
   * heartbeat timing, power, hung hosts, storage paths, LUNs, the witness, I/O speed and writes, and hung
   * guests, whether or not a fault of the plan broke them.
   */
  void healEverything() {
    cut.clear();
    for (Link l : delays.clear()) {
      faults.delayHeartbeats(l.from(), l.to(), Duration.ZERO);
    }
    down.clear();
    hung.clear();
    serviceDown.clear();
    pathsDown.clear();
    offline.clear();
    slow.clear();
    writes.clear();
    witness.clear();
    guests.clear();
    faults.healNetwork();
    faults.restoreWitness();
    for (Host h : cluster.hosts()) {
      faults.resumeHost(h.id());
      faults.powerOnHost(h.id());
    }
    for (Lun lun : cluster.storage().luns()) {
      for (Host h : cluster.hosts()) {
        faults.restoreStoragePaths(h.id(), lun.id());
      }
      faults.bringLunOnline(lun.id());
      faults.slowLun(lun.id(), 1.0);
      faults.restoreStorageWrites(lun.id());
    }
    for (VirtualMachine vm : cluster.vms()) {
      faults.resumeGuest(vm.id());
    }
  }
}
