package io.hvcluster.core.cluster.model;

import io.hvcluster.api.HostId;
import io.hvcluster.api.Lun;
import io.hvcluster.api.LunId;
import io.hvcluster.api.LunState;
import io.hvcluster.api.event.LunStateChanged;
import io.hvcluster.api.spec.LunSpec;
import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A LUN with SCSI-3 persistent-reservation semantics: nodes register keys, one node holds the
 * reservation, and a challenger preempts an owner that does not defend. Each change of hands bumps the
 * reservation generation, which fences writes from a former owner.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimLun implements Lun {
  private final ClusterModel cluster;
  private final LunSpec spec;
  private LunState state = LunState.OFFLINE;
  private SimHost owner;
  private final TreeSet<HostId> registrations = new TreeSet<>();
  private long generation;
  /** The array has taken the LUN offline (a fault). */
  private boolean arrayOffline;
  /** Why writes to the LUN fail (I/O error, no space), or null when they succeed. */
  private String writeError;
  /** Transfers to or from the LUN take this many times as long (1 = normal). */
  private double slowdown = 1.0;
  /** Paths each node has lost to the LUN (MPIO); a node without an entry has every path. */
  private final TreeMap<HostId, Integer> pathsLost = new TreeMap<>();

  private SimHost challenger;
  private EventLoop.Timer arbitrationTimer;
  private final List<Consumer<Boolean>> waiting = new ArrayList<>();

  SimLun(ClusterModel cluster, LunSpec spec) {
    this.cluster = cluster;
    this.spec = spec;
  }

  public String describe() {
    return "LUN '" + spec.id() + "'";
  }

  /**
   * Arbitrates for the reservation on behalf of {@code host}; {@code done} receives whether the host
   * owns the LUN afterwards. Takes the cost model's arbitration time unless the host already owns it.
   */
  public void arbitrate(SimHost host, String why, Consumer<Boolean> done) {
    EventLoop loop = cluster.loop();
    if (ownedBy(host) && !isArbitrating()) {
      loop.schedule(0, () -> done.accept(ownedBy(host)));
      return;
    }
    if (challenger == host) {
      waiting.add(done);
      return;
    }
    if (challenger != null || !reachableFrom(host)) {
      loop.schedule(0, () -> done.accept(false));
      return;
    }
    challenger = host;
    waiting.add(done);
    registrations.add(host.id());
    set(LunState.ARBITRATING, host.id() + " arbitrates: " + why);
    arbitrationTimer = loop.schedule(cluster.costs().arbitration().toNanos(), this::finishArbitration);
  }

  private void finishArbitration() {
    SimHost host = challenger;
    challenger = null;
    arbitrationTimer = null;
    boolean won;
    String why;
    if (arrayOffline) {
      won = false;
      why = "the array has the LUN offline";
    } else if (!host.sendsHeartbeats() || !reachableFrom(host)) {
      won = false;
      why = host.id() + " can no longer reach the LUN";
    } else if (owner != null && owner != host && defends(owner, this) && !handsOver(owner, host)) {
      won = false;
      why = owner.id() + " defended its reservation against " + host.id();
    } else {
      won = true;
      why = owner == null || owner == host ? host.id() + " reserved it"
          : defends(owner, this) ? owner.id() + " handed the reservation over to " + host.id()
          : host.id() + " preempted the reservation of " + owner.id();
    }
    SimHost previous = owner;
    if (won) {
      if (previous != null && previous != host) {
        registrations.remove(previous.id());
      }
      owner = host;
      generation++;
    }
    LunState next = arrayOffline ? LunState.FAILED : owner != null ? LunState.ONLINE : LunState.OFFLINE;
    set(next, why);
    if (this == cluster.witness()) {
      cluster.listener().witnessArbitrated();
    }
    if (won && previous != null && previous != host) {
      cluster.listener().reservationLost(previous, this);
    }
    List<Consumer<Boolean>> callbacks = new ArrayList<>(waiting);
    waiting.clear();
    boolean result = won;
    callbacks.forEach(c -> c.accept(result));
  }

  public boolean isArbitrating() {
    return challenger != null;
  }

  /** Whether an owner defends its reservation: it runs, its cluster service runs and it has a path. */
  private static boolean defends(SimHost owner, SimLun lun) {
    return owner.sendsHeartbeats() && lun.reachableFrom(owner);
  }

  /** Returns the node holding the reservation, or null. */
  public SimHost ownerNode() {
    return owner;
  }

  /** Whether {@code host} holds the reservation and can use the LUN. */
  public boolean ownedBy(SimHost host) {
    return owner == host && state == LunState.ONLINE;
  }

  /** Returns the reservation generation, bumped at each change of hands. */
  public long generation() {
    return generation;
  }

  /** The owner gives the reservation up (a planned move). */
  public void release(SimHost host, String why) {
    if (owner != host) {
      return;
    }
    registrations.remove(host.id());
    owner = null;
    if (!isArbitrating()) {
      set(arrayOffline ? LunState.FAILED : LunState.OFFLINE, why);
    }
  }

  /** Forcibly hands a held reservation to {@code by} (a rogue preemption fault); no effect without an owner. */
  public void preempt(SimHost by, String why) {
    SimHost previous = owner;
    if (previous == by || previous == null || isArbitrating()) {
      return;
    }
    registrations.remove(previous.id());
    registrations.add(by.id());
    owner = by;
    generation++;
    set(state, why);
    cluster.listener().reservationLost(previous, this);
  }

  /** Returns whether the storage array has the LUN offline. */
  public boolean isArrayOffline() {
    return arrayOffline;
  }

  public void arrayOffline(boolean offline, String why) {
    if (arrayOffline == offline) {
      return;
    }
    arrayOffline = offline;
    if (isArbitrating()) {
      return;
    }
    if (offline) {
      set(LunState.FAILED, why);
    } else {
      set(owner != null ? LunState.ONLINE : LunState.OFFLINE, why);
    }
  }

  /** Returns why writes to the LUN fail now, or null when they succeed. */
  public String writeError() {
    return writeError;
  }

  /** Writes succeed again; returns why they failed, or null when they did not. */
  public String restoreWrites() {
    String was = writeError;
    writeError = null;
    return was;
  }

  /** Writes to the LUN fail from now on, for {@code why} (an I/O error, no space left). */
  public void failWrites(String why) {
    writeError = why;
  }

  /** Returns how many times slower than normal transfers to or from the LUN are (1 = normal). */
  public double slowdown() {
    return slowdown;
  }

  /** Transfers take {@code factor} times as long from now on (1 = normal speed). */
  public void slowDown(double factor) {
    slowdown = factor;
  }

  /** Returns how many of its storage paths to the LUN a node has left. */
  public int pathsLeft(HostId host) {
    return cluster.storagePaths() - pathsLost.getOrDefault(host, 0);
  }

  /** A node loses {@code paths} more of its paths to the LUN (never fewer than none left). */
  public void losePaths(HostId host, int paths) {
    pathsLost.put(host, Math.min(cluster.storagePaths(), pathsLost.getOrDefault(host, 0) + paths));
  }

  /** A node has every path to the LUN again; returns whether it had lost any. */
  public boolean restorePaths(HostId host) {
    return pathsLost.remove(host) != null;
  }

  /** Whether a node can do I/O to the LUN: the array serves it and the node has a path left. */
  public boolean reachableFrom(SimHost host) {
    return !arrayOffline && host.isPowered() && pathsLeft(host.id()) > 0;
  }

  @Override
  public boolean reachableFrom(HostId id) {
    cluster.guard();
    SimHost host = cluster.hostOrNull(id);
    return host != null && usableFrom(host);
  }

  /**
   * Whether a live holder lets a challenger take the LUN without defending it: both are members of the
   * active partition and the holder owns no group on this LUN, so the cluster moves the disk between them
   * instead of fighting over it. The witness is always defended.
   */
  private boolean handsOver(SimHost holder, SimHost challenger) {
    if (!holder.isActiveMember() || !challenger.isActiveMember() || this == cluster.witness()) {
      return false;
    }
    for (SimGroup g : cluster.groups()) {
      if (g.ownerNode() == holder && g.ordinaryLuns().contains(this)) {
        return false;
      }
    }
    return true;
  }

  /** Moves to {@code next} (or stays, when only the owner changed) and reports it; callers call it on a change. */
  private void set(LunState next, String why) {
    LunState from = state;
    if (next != from) {
      state = from.checkTransition(describe(), next, why);
    }
    cluster.emit(new LunStateChanged(cluster.now(), cluster.name(), spec.id(), from, next,
        Optional.ofNullable(owner).map(SimHost::id), why));
  }

  @Override
  public LunId id() {
    return spec.id();
  }

  @Override
  public LunSpec spec() {
    return spec;
  }

  @Override
  public LunState state() {
    cluster.guard();
    return state;
  }

  @Override
  public Optional<HostId> owner() {
    cluster.guard();
    return Optional.ofNullable(owner).map(SimHost::id);
  }

  @Override
  public List<HostId> registrations() {
    cluster.guard();
    return List.copyOf(registrations);
  }

  @Override
  public List<HostId> redirectedNodes() {
    cluster.guard();
    List<HostId> redirected = new ArrayList<>();
    if (!spec.csv() || owner == null || !reachableFrom(owner)) {
      return redirected;
    }
    for (SimHost h : cluster.hosts()) {
      if (h.isMember() && h.isPowered() && !reachableFrom(h)) {
        redirected.add(h.id());
      }
    }
    redirected.sort(null);
    return redirected;
  }

  /**
   * Whether a node can do I/O to the LUN, for a Cluster Shared Volume also in redirected access through
   * a coordinator that sends heartbeats and has a path.
   */
  public boolean usableFrom(SimHost host) {
    return reachableFrom(host)
        || spec.csv() && host.isPowered() && owner != null && owner.sendsHeartbeats() && reachableFrom(owner);
  }

  @Override
  public long reservationGeneration() {
    cluster.guard();
    return generation;
  }

  @Override
  public String toString() {
    return spec.id() + "[" + state + (owner == null ? "" : "@" + owner.id()) + "]";
  }
}
