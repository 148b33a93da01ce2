package io.hvcluster.testkit.fault;

import io.hvcluster.api.HostId;
import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A directed network link between two nodes: traffic from {@code from} to {@code to}. Partition shapes
 * are computed as the set of links to cut.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param from the sending node
 * @param to the receiving node
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Link(HostId from, HostId to) implements Comparable<Link> {
  private static final Comparator<Link> ORDER = Comparator.comparing(Link::from).thenComparing(Link::to);

  /**
   * Creates a link after checking it.
   *
   * @param from the sending node
   * @param to the receiving node
   * @throws IllegalArgumentException when both ends are the same node
   */
  public Link {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("a link joins two different nodes, not " + from + " to itself");
    }
  }

  /**
   * Returns the link in the other direction.
   *
   * @return the reverse link
   */
  public Link reversed() {
    return new Link(to, from);
  }

  /** Orders links by sender, then receiver. */
  @Override
  public int compareTo(Link other) {
    return ORDER.compare(this, other);
  }

  /** Returns for example {@code "node1->node2"}. */
  @Override
  public String toString() {
    return from + "->" + to;
  }
}
