package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Isolates each selected node from every other node, so each forms a partition of its own ({@code
 * isolate one} with {@link HostSelector#one()}; Jepsen's primaries with {@link
 * HostSelector#ownersOf}). Links come back when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "isolate"}.
 *
 * @param hosts the nodes it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Isolate(HostSelector hosts, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param timing when it starts and how long it lasts
   */
  public Isolate {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
  }
}
