package io.hvcluster.core.cluster.membership;

import io.hvcluster.api.event.HeartbeatRouteChanged;
import io.hvcluster.api.spec.ClusterSettings;
import io.hvcluster.api.spec.HostSpec;
import io.hvcluster.core.cluster.model.ClusterModel;
import io.hvcluster.core.cluster.model.SimHost;
import io.hvcluster.core.sim.EventLoop.Priority;
import io.hvcluster.core.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Failure detection by heartbeats, after WSFC: every node sends a heartbeat to every other node each
 * {@code SameSubnetDelay}; a route is declared down when {@code SameSubnetThreshold} consecutive
 * heartbeats are missed, and up again at the first one that arrives. Between nodes on different subnets
 * ({@link io.hvcluster.api.spec.HostSpec#subnet()}) the route uses {@code CrossSubnetDelay} and
 * {@code CrossSubnetThreshold} instead.
 *
 * <p>Node {@code x} sends beat {@code k} of a route at {@code phase(x) + k * delay}, the delay being the
 * route's. A beat is delivered when, after
 * every ordinary event at that instant, {@code x} runs with its cluster service and the link to the
 * receiver is intact. Two modes give the same route changes at the same instants:
 *
 * <ul>
 *   <li><b>every beat</b> (the reference): one event per node per beat, counting misses;
 *   <li><b>elided</b> (the default): no event while nothing changes. When something that affects a
 *       route changes, the route computes the index of its first missed beat and schedules a single
 *       check at the beat that would cross the threshold (or at the first beat that would arrive).
 * </ul>
 *
 * Checks run with {@link Priority#OBSERVE}, after the ordinary events of their instant; route changes are
 * handed to the membership, which decides once per instant ({@link Priority#DECIDE}). The phases of a
 * cluster's nodes are distinct modulo the delay (modulo the greatest common divisor of the two delays when
 * nodes sit on different subnets with a cross-subnet delay of its own), so no two senders' beats coincide.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Heartbeats {
  /** One direction of a heartbeat route: {@code to} listens for {@code from}'s heartbeats. */
  private static final class Route {
    private final SimHost from;
    private final SimHost to;
    /** Nanoseconds between beats: the same-subnet or the cross-subnet delay. */
    private final long delay;
    /** Consecutive misses that declare the route down. */
    private final int threshold;
    /** The receiver considers the route down. A route starts down until the first beat arrives. */
    private boolean declaredDown = true;
    /** Consecutive misses (every-beat mode). */
    private int misses;
    /** Index of the first missed beat of the current streak, or -1 (elided mode). */
    private long missStart = -1;
    private long version;
    private EventLoop.Timer check;
    /** A down change of this route was reported as an event, so its recovery is reported too. */
    private boolean reportedDown;

    Route(SimHost from, SimHost to, ClusterSettings settings) {
      this.from = from;
      this.to = to;
      boolean cross = crossSubnet(from, to);
      this.delay = settings.heartbeatDelay(cross).toNanos();
      this.threshold = settings.heartbeatThreshold(cross);
    }
  }

  private final ClusterModel cluster;
  private final Links links;
  private Membership membership;
  /** The same-subnet delay, in nanoseconds: the range of the phases. */
  private final long delay;
  /**
   * The distinct delays of the routes, one beat stream each in every-beat mode: the same-subnet delay, and
   * the cross-subnet one when nodes sit on different subnets and it differs.
   */
  private final long[] streams;
  /** Phases of two nodes must differ modulo this: no beat of one sender coincides with another's. */
  private final long phaseSpacing;
  private final boolean everyBeat;
  private final SplittableRandom phases;
  private Route[][] routes = new Route[0][0];
  /** Each node's heartbeat phase by node index: its beat {@code k} is sent at {@code phase + k * delay}. */
  private long[] phase = new long[0];
  private final List<SimHost> hosts = new ArrayList<>();
  private final List<Route> changed = new ArrayList<>();

  /**
   * Creates the failure detection of a cluster; nodes are added one by one ({@link #add}).
   *
   * @param cluster the cluster
   * @param links the heartbeat network
   * @param everyBeat simulate every heartbeat (the reference mode) instead of eliding them
   */
  public Heartbeats(ClusterModel cluster, Links links, boolean everyBeat) {
    this.cluster = cluster;
    this.links = links;
    this.everyBeat = everyBeat;
    ClusterSettings settings = cluster.settings();
    this.delay = settings.heartbeatDelay().toNanos();
    long cross = settings.crossSubnetDelay().toNanos();
    boolean subnets = cluster.spec().hosts().stream().map(HostSpec::subnet).distinct().count() > 1;
    this.streams = subnets && cross != delay ? new long[] {delay, cross} : new long[] {delay};
    this.phaseSpacing = streams.length == 1 ? delay : gcd(delay, cross);
    this.phases = cluster.random("heartbeat");
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Whether heartbeats between two nodes cross subnets, so that the cross-subnet values apply. */
  static boolean crossSubnet(SimHost a, SimHost b) {
    return a.hostSpec().crossesSubnet(b.hostSpec());
  }

  /**
   * Returns the time between heartbeats from {@code from} to {@code to}: the cross-subnet delay when they
   * sit on different subnets, else the same-subnet delay.
   *
   * @param from the sender
   * @param to the receiver
   * @return the delay
   */
  public java.time.Duration delay(SimHost from, SimHost to) {
    return cluster.settings().heartbeatDelay(crossSubnet(from, to));
  }

  /**
   * Describes how a node silent towards the given listeners was detected, for the reason of its removal:
   * the same-subnet values when one of them shares its subnet (it noticed first), else the cross-subnet ones.
   */
  String missedBeats(SimHost silent, List<SimHost> listeners) {
    boolean cross = !listeners.isEmpty() && listeners.stream().allMatch(l -> crossSubnet(silent, l));
    ClusterSettings s = cluster.settings();
    return "missed " + s.heartbeatThreshold(cross) + " consecutive " + (cross ? "cross-subnet " : "") + "heartbeats ("
        + s.heartbeatDelay(cross).toMillis() + " ms apart)";
  }

  /** The membership that decides on route changes; set once, when it is built. */
  void reportTo(Membership decider) {
    membership = decider;
  }

  /** Registers a node: draws its phase, creates its routes and, in every-beat mode, starts its beats. */
  public void add(SimHost host) {
    long now = cluster.now();
    long offset;
    boolean clash;
    do {
      offset = phases.nextLong(delay);
      clash = false;
      for (SimHost other : hosts) {
        if (Math.floorMod(now + offset - phase[other.index()], phaseSpacing) == 0) {
          clash = true;
        }
      }
    } while (clash);
    phase = java.util.Arrays.copyOf(phase, Math.max(phase.length, host.index() + 1));
    phase[host.index()] = now + offset;
    hosts.add(host);
    int n = hosts.size();
    Route[][] grown = new Route[n][n];
    for (int i = 0; i < routes.length; i++) {
      System.arraycopy(routes[i], 0, grown[i], 0, routes.length);
    }
    for (int i = 0; i < n; i++) {
      if (i != host.index()) {
        grown[i][host.index()] = new Route(hosts.get(i), host, cluster.settings());
        grown[host.index()][i] = new Route(host, hosts.get(i), cluster.settings());
      }
    }
    routes = grown;
    if (everyBeat) {
      for (long stream : streams) {
        scheduleBeat(host, stream, 0);
      }
    }
  }

  private Route route(SimHost from, SimHost to) {
    return routes[from.index()][to.index()];
  }

  /**
   * Reports the route changes since the last call, in a canonical order, as events: a route between
   * members that went down, and the recovery of a route whose loss was reported.
   */
  public void reportRouteChanges() {
    List<Route> out = new ArrayList<>(changed);
    changed.clear();
    out.sort((x, y) -> x.to.index() != y.to.index() ? Integer.compare(x.to.index(), y.to.index())
        : Integer.compare(x.from.index(), y.from.index()));
    for (Route r : out) {
      boolean members = r.to.isMember() && r.from.isMember();
      boolean worth = r.declaredDown ? members : r.reportedDown;
      r.reportedDown = r.declaredDown && members;
      if (worth) {
        cluster.emit(new HeartbeatRouteChanged(cluster.now(), cluster.name(), r.to.id(), r.from.id(), !r.declaredDown,
            r.declaredDown ? "missed " + r.threshold + " consecutive " + (crossSubnet(r.from, r.to) ? "cross-subnet " : "")
                + "heartbeats" : "heartbeats arrive again"));
      }
    }
  }

  /** A node's cluster service (re)started: it has heard nobody yet, so its incoming routes start down. */
  public void listenerStarted(SimHost host) {
    for (SimHost from : hosts) {
      if (from != host) {
        Route r = route(from, host);
        r.declaredDown = true;
        r.misses = r.threshold;
        r.missStart = -1;
      }
    }
    hostChanged(host);
  }

  /**
   * A hung node runs again: heartbeats it could not process while hung are not counted as missed, so
   * its incoming miss streaks start afresh (routes it had declared down stay down until a beat arrives).
   */
  public void listenerResumed(SimHost host) {
    for (SimHost from : hosts) {
      if (from != host) {
        Route r = route(from, host);
        r.misses = 0;
        r.missStart = -1;
      }
    }
    hostChanged(host);
  }

  /** Something about a node changed (power, hang, service): re-examine every route from and to it. */
  public void hostChanged(SimHost host) {
    for (SimHost other : hosts) {
      if (other != host) {
        recheck(route(host, other));
        recheck(route(other, host));
      }
    }
  }

  /** A directed link was cut or restored. */
  public void linkChanged(SimHost from, SimHost to) {
    recheck(route(from, to));
  }

  private boolean deliverable(Route r) {
    return r.from.sendsHeartbeats() && !links.isCut(r.from, r.to);
  }

  private static boolean listening(SimHost host) {
    return host.sendsHeartbeats();
  }

  private long beatTime(SimHost from, long period, long k) {
    return phase[from.index()] + k * period;
  }

  private long firstBeatAtOrAfter(Route r, long t) {
    long since = t - phase[r.from.index()];
    return since <= 0 ? 0 : (since + r.delay - 1) / r.delay;
  }

  // ---- elided mode ----

  private void recheck(Route r) {
    if (everyBeat) {
      return;
    }
    r.version++;
    if (r.check != null) {
      r.check.cancel();
      r.check = null;
    }
    if (!listening(r.to)) {
      return;
    }
    long k = firstBeatAtOrAfter(r, cluster.now());
    long version = r.version;
    EventLoop loop = cluster.loop();
    if (deliverable(r)) {
      if (r.missStart >= 0 || r.declaredDown) {
        r.check = loop.scheduleAt(beatTime(r.from, r.delay, k), Priority.OBSERVE, () -> upCheck(r, version));
      }
    } else if (!r.declaredDown) {
      if (r.missStart < 0) {
        r.missStart = k;
      }
      r.check = loop.scheduleAt(beatTime(r.from, r.delay, r.missStart + r.threshold - 1), Priority.OBSERVE,
          () -> downCheck(r, version));
    }
  }

  private void upCheck(Route r, long version) {
    if (version != r.version || !listening(r.to) || !deliverable(r)) {
      return;
    }
    r.check = null;
    r.missStart = -1;
    if (r.declaredDown) {
      r.declaredDown = false;
      report(r);
    }
  }

  private void downCheck(Route r, long version) {
    if (version != r.version || !listening(r.to) || deliverable(r)) {
      return;
    }
    r.check = null;
    if (!r.declaredDown) {
      r.declaredDown = true;
      report(r);
    }
  }

  // ---- every-beat mode ----

  private void scheduleBeat(SimHost from, long period, long k) {
    cluster.loop().scheduleAt(beatTime(from, period, k), Priority.OBSERVE, () -> beat(from, period, k));
  }

  /** Beat {@code k} of {@code from}'s stream with the given period, to every receiver whose route has it. */
  private void beat(SimHost from, long period, long k) {
    for (SimHost to : hosts) {
      if (to == from || !listening(to) || route(from, to).delay != period) {
        continue;
      }
      Route r = route(from, to);
      if (deliverable(r)) {
        r.misses = 0;
        if (r.declaredDown) {
          r.declaredDown = false;
          report(r);
        }
      } else {
        r.misses++;
        if (r.misses >= r.threshold && !r.declaredDown) {
          r.declaredDown = true;
          report(r);
        }
      }
    }
    scheduleBeat(from, period, k + 1);
  }

  private void report(Route r) {
    changed.add(r);
    membership.requestDecision();
  }
}
