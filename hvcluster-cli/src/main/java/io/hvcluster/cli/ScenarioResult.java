package io.hvcluster.cli;

import io.hvcluster.core.report.RunRecord;
import java.util.List;

/**
 * A finished scenario run: the record of everything the cluster did, what became of each action, and
 * the trace of every event as JSON Lines.
 *
 * @param scenario the scenario as run (seed and duration after command-line overrides)
 * @param record the run's record
 * @param outcomes one per action, in the order they were attempted
 * @param vmsRunning VMs running at the end
 * @param trace the event trace, one JSON object per line
 */
record ScenarioResult(Scenario scenario, RunRecord record, List<ActionOutcome> outcomes, int vmsRunning, String trace) {
  ScenarioResult {
    outcomes = List.copyOf(outcomes);
  }
}
