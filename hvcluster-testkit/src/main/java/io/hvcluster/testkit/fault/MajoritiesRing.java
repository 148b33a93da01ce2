package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Cuts links so that every selected node sees a majority, but no two see the same majority (Jepsen's
 * majorities ring); see {@link Partitions#majoritiesRing}. Links come back when the fault heals. It
 * needs at least four nodes to cut anything.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "majorities-ring"}.
 *
 * @param hosts the nodes arranged in the ring, usually all
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MajoritiesRing(HostSelector hosts, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes arranged in the ring, usually all
   * @param timing when it starts and how long it lasts
   */
  public MajoritiesRing {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
  }
}
