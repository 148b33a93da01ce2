package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Fails every storage path from the selected nodes to the selected LUNs, while other nodes keep
 * theirs; a Cluster Shared Volume falls back to redirected I/O. The paths come back when the fault
 * heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "path-down"}.
 *
 * @param hosts the nodes it hits
 * @param luns the LUNs whose paths fail
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PathDown(HostSelector hosts, LunSelector luns, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param luns the LUNs whose paths fail
   * @param timing when it starts and how long it lasts
   */
  public PathDown {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(luns, "luns");
    Objects.requireNonNull(timing, "timing");
  }
}
