package io.hvcluster.testkit.fault;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Crashes the hypervisor of the selected nodes (a blue screen): every VM on them stops at once. The
 * nodes reboot and rejoin when the fault heals.
 *
 * <p>Instances are immutable and thread-safe. JSON kind: {@code "host-crash"}.
 *
 * @param hosts the nodes it hits
 * @param timing when it starts and how long it lasts
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record HostCrash(HostSelector hosts, Timing timing) implements Fault {
  /**
   * Creates the fault after checking it.
   *
   * @param hosts the nodes it hits
   * @param timing when it starts and how long it lasts
   */
  public HostCrash {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(timing, "timing");
  }
}
