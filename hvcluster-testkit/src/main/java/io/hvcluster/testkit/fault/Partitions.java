package io.hvcluster.testkit.fault;

import io.hvcluster.api.HostId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * Computes the network shapes of partition faults as the set of directed links to cut (a Jepsen
 * "grudge"), so an engine binding only needs "cut link" and "restore link" primitives. Results are
 * sorted, so they never depend on hash order; the only randomness is the explicit random source.
 *
 * <p>This class is stateless and thread-safe. Example:
 *
 * <pre>{@code
 * List<HostId> ring = Partitions.shuffled(hosts, random);
 * SortedSet<Link> cut = Partitions.majoritiesRing(ring);
 * cut.forEach(link -> faults.cutLink(link.from(), link.to()));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Partitions {
  private Partitions() {}

  /**
   * Returns the links that isolate each of the given nodes from every other node.
   *
   * @param all every node of the cluster
   * @param isolated the nodes to isolate
   * @return the links to cut, in both directions
   */
  public static SortedSet<Link> isolate(Collection<HostId> all, Collection<HostId> isolated) {
    SortedSet<Link> cut = new TreeSet<>();
    for (HostId a : isolated) {
      for (HostId b : all) {
        if (!a.equals(b)) {
          cut.add(new Link(a, b));
          cut.add(new Link(b, a));
        }
      }
    }
    return Collections.unmodifiableSortedSet(cut);
  }

  /**
   * Returns the links that split the nodes into {@code side} and the rest.
   *
   * @param all every node of the cluster
   * @param side the nodes on one side
   * @return the links to cut, in both directions
   */
  public static SortedSet<Link> split(Collection<HostId> all, Collection<HostId> side) {
    SortedSet<Link> cut = new TreeSet<>();
    for (HostId a : side) {
      for (HostId b : all) {
        if (!side.contains(b)) {
          cut.add(new Link(a, b));
          cut.add(new Link(b, a));
        }
      }
    }
    return Collections.unmodifiableSortedSet(cut);
  }

  /**
   * Returns the links to cut so that every node sees a majority of the nodes (itself included) but no
   * two nodes see the same majority: the nodes stand in a ring in the given order, and each keeps its
   * links to the nodes within distance {@code majority / 2} of it. With fewer than four nodes nothing
   * is cut, because every majority is then the whole cluster or a pair.
   *
   * @param ring the nodes in ring order (shuffle them first with {@link #shuffled} for a random ring)
   * @return the links to cut, in both directions
   */
  public static SortedSet<Link> majoritiesRing(List<HostId> ring) {
    int n = ring.size();
    int reach = (n / 2 + 1) / 2;
    SortedSet<Link> cut = new TreeSet<>();
    if (n < 4) {
      return Collections.unmodifiableSortedSet(cut);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int d = Math.abs(i - j);
        if (i != j && Math.min(d, n - d) > reach) {
          cut.add(new Link(ring.get(i), ring.get(j)));
        }
      }
    }
    return Collections.unmodifiableSortedSet(cut);
  }

  /**
   * Returns the links that cut the network into two halves while the bridge nodes keep talking to
   * both: the other nodes, in the given order, form a first half of ceil(k/2) nodes and a second half
   * of the rest.
   *
   * @param others the nodes other than the bridge, in the order that decides the halves
   * @return the links to cut, in both directions
   */
  public static SortedSet<Link> bridge(List<HostId> others) {
    int half = (others.size() + 1) / 2;
    return split(others, others.subList(0, half));
  }

  /**
   * Returns the links from every {@code from} node to every {@code to} node, but not back.
   *
   * @param from the senders
   * @param to the receivers
   * @return the links to cut, in one direction
   */
  public static SortedSet<Link> oneWay(Collection<HostId> from, Collection<HostId> to) {
    SortedSet<Link> cut = new TreeSet<>();
    for (HostId a : from) {
      for (HostId b : to) {
        if (!a.equals(b)) {
          cut.add(new Link(a, b));
        }
      }
    }
    return Collections.unmodifiableSortedSet(cut);
  }

  /**
   * Returns the order in which a swizzle-clog clogs the nodes and the order in which it unclogs them,
   * both random.
   *
   * @param hosts the nodes to clog
   * @param random the random source
   * @return the two orders
   */
  public static Swizzle swizzle(List<HostId> hosts, RandomGenerator random) {
    return new Swizzle(shuffled(hosts, random), shuffled(hosts, random));
  }

  /**
   * Returns the nodes in a random order (a Fisher–Yates shuffle driven by the random source).
   *
   * @param hosts the nodes
   * @param random the random source
   * @return a shuffled copy
   */
  public static List<HostId> shuffled(List<HostId> hosts, RandomGenerator random) {
    List<HostId> copy = new ArrayList<>(hosts);
    for (int i = copy.size() - 1; i > 0; i--) {
      Collections.swap(copy, i, random.nextInt(i + 1));
    }
    return List.copyOf(copy);
  }

  /**
   * Returns which nodes each node can still send to directly (itself included) once the links are cut.
   *
   * @param all every node
   * @param cut the links that are cut
   * @return each node's view, sorted by node
   */
  public static Map<HostId, Set<HostId>> views(Collection<HostId> all, Set<Link> cut) {
    Map<HostId, Set<HostId>> views = new TreeMap<>();
    for (HostId a : all) {
      SortedSet<HostId> view = new TreeSet<>();
      for (HostId b : all) {
        if (a.equals(b) || !cut.contains(new Link(a, b))) {
          view.add(b);
        }
      }
      views.put(a, Collections.unmodifiableSortedSet(view));
    }
    return Collections.unmodifiableMap(views);
  }

  /**
   * The two orders of a swizzle-clog.
   *
   * <p>Instances are immutable and thread-safe.
   *
   * @param clogOrder the order in which nodes are clogged
   * @param unclogOrder the order in which they are unclogged
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record Swizzle(List<HostId> clogOrder, List<HostId> unclogOrder) {
    /**
     * Creates the orders.
     *
     * @param clogOrder the order in which nodes are clogged
     * @param unclogOrder the order in which they are unclogged
     */
    public Swizzle {
      clogOrder = List.copyOf(clogOrder);
      unclogOrder = List.copyOf(unclogOrder);
    }
  }
}
