package io.hvcluster.testkit.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a {@link Torture} run found: how many scenarios ran and failed, the faults they injected, the
 * coverage probes hit (with how many scenarios hit each), the cost, and the first violation shrunk to a
 * minimal plan. Wall-clock figures are the caller's to measure.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param scenarios how many scenarios ran
 * @param violations how many of them found a violation
 * @param violationsByInvariant failing scenarios by the id of their first violation
 * @param faultsInjected faults applied over all scenarios
 * @param probes scenarios that hit each coverage probe, by probe name (only probes hit)
 * @param events cluster events over all scenarios
 * @param steps kernel events over all scenarios
 * @param firstViolations the first failing scenario, shrunk (empty when none failed)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record TortureReport(int scenarios, int violations, SortedMap<String, Integer> violationsByInvariant,
    long faultsInjected, SortedMap<String, Integer> probes, long events, long steps, List<Finding> firstViolations) {
  /**
   * Creates a report; copies the collections.
   *
   * @param scenarios scenarios run
   * @param violations scenarios that failed
   * @param violationsByInvariant failures by invariant
   * @param faultsInjected faults applied
   * @param probes probe hits
   * @param events cluster events
   * @param steps kernel events
   * @param firstViolations the shrunk findings
   */
  public TortureReport {
    violationsByInvariant = new TreeMap<>(violationsByInvariant);
    probes = new TreeMap<>(probes);
    firstViolations = List.copyOf(firstViolations);
  }

  /**
   * Returns how many distinct coverage probes were hit.
   *
   * @return the count
   */
  public int probesHit() {
    return probes.size();
  }

  /**
   * Returns the first finding, if a scenario failed.
   *
   * @return the finding
   */
  public Optional<Finding> firstViolation() {
    return firstViolations.isEmpty() ? Optional.empty() : Optional.of(firstViolations.get(0));
  }

  /**
   * Returns the probe hit counts as an unmodifiable map.
   *
   * @return probe name to scenarios that hit it
   */
  public Map<String, Integer> probeCounts() {
    return java.util.Collections.unmodifiableMap(probes);
  }
}
