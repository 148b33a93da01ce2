package io.hvcluster.core.fleet;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a fleet run did.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hosts hosts in the fleet
 * @param clusters clusters the hosts were split into
 * @param vms VMs in the fleet
 * @param vmsRunning VMs running at the end
 * @param simulatedSeconds virtual seconds simulated
 * @param events cluster events emitted
 * @param kernelSteps kernel events run (the cost of the run)
 * @param hostFailures host failures injected
 * @param failovers group failovers started
 * @param vmDowntimeSeconds total VM downtime, in virtual seconds
 * @param availability served time over expected time across all VMs
 * @param meanTimeToRecoverSeconds mean length of the outages that ended
 * @param invariantViolations safety violations the incremental checks found
 * @param violations the first violations, described
 * @param traceHash the trace hash: equal for two runs with the same seed
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FleetReport(
    int hosts,
    int clusters,
    int vms,
    int vmsRunning,
    long simulatedSeconds,
    long events,
    long kernelSteps,
    int hostFailures,
    int failovers,
    double vmDowntimeSeconds,
    double availability,
    double meanTimeToRecoverSeconds,
    int invariantViolations,
    List<String> violations,
    String traceHash) {

  /**
   * Creates a report; copies the violation list.
   *
   * @param hosts hosts in the fleet
   * @param clusters clusters the hosts were split into
   * @param vms VMs in the fleet
   * @param vmsRunning VMs running at the end
   * @param simulatedSeconds virtual seconds simulated
   * @param events cluster events emitted
   * @param kernelSteps kernel events run (the cost of the run)
   * @param hostFailures host failures injected
   * @param failovers group failovers started
   * @param vmDowntimeSeconds total VM downtime, in virtual seconds
   * @param availability served time over expected time across all VMs
   * @param meanTimeToRecoverSeconds mean length of the outages that ended
   * @param invariantViolations safety violations the incremental checks found
   * @param violations the first violations, described
   * @param traceHash the trace hash: equal for two runs with the same seed
   */
  public FleetReport {
    violations = List.copyOf(violations);
  }
}
