package io.hvcluster.testkit.engine;

import io.hvcluster.api.HostId;
import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.fault.Bridge;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.HeartbeatDelay;
import io.hvcluster.testkit.fault.HeartbeatLoss;
import io.hvcluster.testkit.fault.Isolate;
import io.hvcluster.testkit.fault.Link;
import io.hvcluster.testkit.fault.MajoritiesRing;
import io.hvcluster.testkit.fault.OneWayLink;
import io.hvcluster.testkit.fault.Partitions;
import io.hvcluster.testkit.fault.Split;
import io.hvcluster.testkit.fault.SwizzleClog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Applies network faults as cuts of directed heartbeat links: isolation, splits, the majorities ring,
 * bridges, one-way links, swizzle-clogging, heartbeat delay and heartbeat loss.
 */
final class NetworkFaults {
  private NetworkFaults() {}

  /** Applies the fault if it is a network fault; returns null otherwise. */
  static Applied apply(Fault f, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    List<HostId> all = n.hostIds();
    if (f instanceof Isolate) {
      List<HostId> hosts = ((Isolate) f).hosts().resolve(p.cluster(), r);
      return cut(p, Partitions.isolate(all, hosts), "isolated " + Nemesis.names(hosts));
    }
    if (f instanceof Split) {
      List<HostId> side = ((Split) f).side().resolve(p.cluster(), r);
      return cut(p, Partitions.split(all, side), "split " + Nemesis.names(side) + " from the rest");
    }
    if (f instanceof MajoritiesRing) {
      List<HostId> ring = ((MajoritiesRing) f).hosts().resolve(p.cluster(), r);
      return cut(p, Partitions.majoritiesRing(ring), "majorities ring over " + Nemesis.names(ring));
    }
    if (f instanceof Bridge) {
      List<HostId> bridge = ((Bridge) f).bridge().resolve(p.cluster(), r);
      List<HostId> others = new ArrayList<>(all);
      others.removeAll(bridge.isEmpty() ? List.of() : bridge.subList(0, 1));
      return cut(p, Partitions.bridge(others), "bridge " + (bridge.isEmpty() ? "(none)" : bridge.get(0))
          + " between two halves");
    }
    if (f instanceof OneWayLink) {
      OneWayLink o = (OneWayLink) f;
      List<HostId> from = o.from().resolve(p.cluster(), r);
      List<HostId> to = o.to().resolve(p.cluster(), r);
      return cut(p, Partitions.oneWay(from, to), "heartbeats from " + Nemesis.names(from) + " no longer reach "
          + Nemesis.names(to));
    }
    if (f instanceof HeartbeatDelay) {
      HeartbeatDelay d = (HeartbeatDelay) f;
      List<Link> links = outgoing(d.hosts().resolve(p.cluster(), r), all);
      links.forEach(l -> p.delay(l, d.delay()));
      return new Applied("heartbeats on " + links.size() + " links delayed by " + d.delay().toMillis() + " ms",
          healPhase -> {
            links.forEach(l -> p.undelay(l, d.delay()));
            return "heartbeat delay removed from " + links.size() + " links";
          });
    }
    if (f instanceof HeartbeatLoss) {
      return heartbeatLoss((HeartbeatLoss) f, n, r);
    }
    if (f instanceof SwizzleClog) {
      return swizzle((SwizzleClog) f, n, r);
    }
    return null;
  }

  private static Applied cut(Primitives p, Set<Link> links, String what) {
    p.cut(links);
    return new Applied(what + " (" + links.size() + " directed links cut)", healPhase -> {
      p.restore(links);
      return links.size() + " directed links restored";
    });
  }

  private static List<Link> outgoing(Collection<HostId> from, List<HostId> all) {
    List<Link> links = new ArrayList<>();
    for (HostId a : from) {
      for (HostId b : all) {
        if (!a.equals(b)) {
          links.add(new Link(a, b));
        }
      }
    }
    return links;
  }

  /**
   * Drops each heartbeat on the nodes' outgoing links with the given probability, drawn beat by beat
   * from the fault's random stream up front. Only a run of at least {@code threshold} consecutive lost
   * beats can make the failure detector declare a route down, so only those runs become cuts (from the
   * run's first lost beat to its end); shorter runs change nothing the cluster can observe.
   */
  private static Applied heartbeatLoss(HeartbeatLoss f, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    List<Link> links = outgoing(f.hosts().resolve(p.cluster(), r), n.hostIds());
    ClusterSpec spec = p.cluster().spec();
    int threshold = spec.settings().heartbeatThreshold();
    long start = n.now();
    long end = n.activeUntilNanos(f);
    Stoppable state = new Stoppable();
    int runs = 0;
    boolean crossing = false;
    for (Link link : links) {
      // Between subnets the detector counts CrossSubnetThreshold beats CrossSubnetDelay apart.
      boolean cross = spec.host(link.from()).orElseThrow().crossesSubnet(spec.host(link.to()).orElseThrow());
      crossing |= cross;
      long period = spec.settings().heartbeatDelay(cross).toNanos();
      int linkThreshold = spec.settings().heartbeatThreshold(cross);
      long beats = Math.max(0, (end - start) / period);
      long runStart = -1;
      for (long k = 0; k <= beats; k++) {
        boolean lost = k < beats && r.nextInt(100) < f.lossPercent();
        if (lost && runStart < 0) {
          runStart = k;
        } else if (!lost && runStart >= 0) {
          if (k - runStart >= linkThreshold) {
            runs++;
            long from = start + runStart * period;
            long to = k == beats ? Long.MAX_VALUE : start + k * period;
            n.at(from, () -> state.start(p, link));
            if (to != Long.MAX_VALUE) {
              n.at(to, () -> state.stop(p, link));
            }
          }
          runStart = -1;
        }
      }
    }
    String cross = crossing ? ", " + spec.settings().crossSubnetThreshold() + "+ between subnets" : "";
    return new Applied(f.lossPercent() + "% of heartbeats lost on " + links.size() + " links (" + runs
        + " runs of " + threshold + "+ lost beats" + cross + ")", healPhase -> {
          state.stopAll(p);
          return "heartbeats flow again on " + links.size() + " links";
        });
  }

  /**
   * Clogs each node's links (both ways) one node at a time, {@code interval} apart, in a random order;
   * when the fault heals on its own, unclogs them in another random order, one per interval (the heal
   * phase unclogs everything at once).
   */
  private static Applied swizzle(SwizzleClog f, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    List<HostId> all = n.hostIds();
    Partitions.Swizzle order = Partitions.swizzle(f.hosts().resolve(p.cluster(), r), r);
    long start = n.now();
    long end = n.activeUntilNanos(f);
    long interval = f.interval().toNanos();
    Stoppable state = new Stoppable();
    List<HostId> clogged = new ArrayList<>();
    for (int k = 0; k < order.clogOrder().size(); k++) {
      long t = start + k * interval;
      if (t >= end) {
        break;
      }
      HostId h = order.clogOrder().get(k);
      n.at(t, () -> {
        if (!state.stopped) {
          clogged.add(h);
          p.cut(Partitions.isolate(all, List.of(h)));
        }
      });
    }
    return new Applied("swizzle-clogging " + order.clogOrder() + " every " + f.interval().toMillis() + " ms",
        healPhase -> {
          state.stopped = true;
          List<HostId> unclog = new ArrayList<>(order.unclogOrder());
          unclog.retainAll(clogged);
          for (int k = 0; k < unclog.size(); k++) {
            Set<Link> links = Partitions.isolate(all, List.of(unclog.get(k)));
            if (healPhase || k == 0) {
              p.restore(links);
            } else {
              n.at(n.now() + k * interval, () -> p.restore(links));
            }
          }
          return "unclogging " + unclog + (healPhase ? " at once" : " every " + Duration.ofNanos(interval).toMillis() + " ms");
        });
  }

  /** Links a fault cuts now and then, and whether it is over. */
  private static final class Stoppable {
    private final List<Link> cut = new ArrayList<>();
    private boolean stopped;

    void start(Primitives p, Link link) {
      if (!stopped) {
        cut.add(link);
        p.cut(List.of(link));
      }
    }

    void stop(Primitives p, Link link) {
      if (cut.remove(link)) {
        p.restore(List.of(link));
      }
    }

    void stopAll(Primitives p) {
      stopped = true;
      p.restore(cut);
      cut.clear();
    }
  }
}
