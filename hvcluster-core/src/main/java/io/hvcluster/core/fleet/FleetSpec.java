package io.hvcluster.core.fleet;

import io.hvcluster.api.InvalidConfigurationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a fleet run simulates: how many hosts (split into clusters of at most 16 nodes) and VMs, for how
 * long, with how many host failures per hour across the fleet, and how long a failed host takes to be
 * repaired.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hosts hosts in the fleet, 2 to 100,000
 * @param vms VMs in the fleet, 0 to 10,000,000
 * @param days simulated days, more than 0 and at most 3650
 * @param failuresPerHour Poisson rate of host failures across the fleet, 0 to 10,000
 * @param repairTime how long a failed host stays down before it is powered on again
 * @param seed the master seed
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FleetSpec(int hosts, int vms, double days, double failuresPerHour, Duration repairTime, long seed) {
  /**
   * Creates a fleet spec after validating it.
   *
   * @param hosts hosts in the fleet, 2 to 100,000
   * @param vms VMs in the fleet, 0 to 10,000,000
   * @param days simulated days, more than 0 and at most 3650
   * @param failuresPerHour Poisson rate of host failures across the fleet, 0 to 10,000
   * @param repairTime how long a failed host stays down before it is powered on again
   * @param seed the master seed
   * @throws InvalidConfigurationException when a value is out of range
   */
  public FleetSpec {
    if (hosts < 2 || hosts > 100_000) {
      throw new InvalidConfigurationException("hosts is " + hosts + "; allowed: 2 to 100000");
    }
    if (vms < 0 || vms > 10_000_000) {
      throw new InvalidConfigurationException("vms is " + vms + "; allowed: 0 to 10000000");
    }
    if (!(days > 0 && days <= 3650)) {
      throw new InvalidConfigurationException("days is " + days + "; allowed: more than 0 and at most 3650");
    }
    if (!(failuresPerHour >= 0 && failuresPerHour <= 10_000)) {
      throw new InvalidConfigurationException("failures per hour is " + failuresPerHour + "; allowed: 0 to 10000");
    }
    if (repairTime == null || repairTime.isNegative() || repairTime.isZero()) {
      throw new InvalidConfigurationException("repair time is " + repairTime + "; it must be positive");
    }
  }

  /**
   * Returns the number of clusters: {@code ceil(hosts / 16)}.
   *
   * @return clusters
   */
  public int clusters() {
    return (hosts + 15) / 16;
  }

  /**
   * Returns the simulated duration.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.ofNanos((long) (days * 86_400e9));
  }
}
