package io.hvcluster.json;

import io.hvcluster.core.report.RunRecord;
import io.hvcluster.testkit.history.HistoryEntry;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A finished scenario run: the record of everything the cluster did, what became of each action, and
 * the trace of every event as JSON Lines.
 *
 * @param scenario the scenario as run (seed and duration after command-line overrides)
 * @param record the run's record
 * @param outcomes one per action, in the order they were attempted
 * @param vmsRunning VMs running at the end
 * @param trace the event trace, one JSON object per line
 * @param faultHistory what the fault plan did: the testkit history's nemesis entries (faults applied,
 *     healed, or that could not be applied)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ScenarioResult(Scenario scenario, RunRecord record, List<ActionOutcome> outcomes, int vmsRunning, String trace,
    List<HistoryEntry> faultHistory) {
  /**
   * Creates a result, copying the lists.
   *
   * @param scenario the scenario as run
   * @param record the run's record
   * @param outcomes one per action
   * @param vmsRunning VMs running at the end
   * @param trace the event trace
   * @param faultHistory what the fault plan did
   */
  public ScenarioResult {
    outcomes = List.copyOf(outcomes);
    faultHistory = List.copyOf(faultHistory);
  }
}
