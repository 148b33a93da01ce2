/**
 * Cluster descriptions, scenario files and fault plans as JSON files, for embedders and for the
 * command-line tool: {@link io.hvcluster.json.ClusterDescriptions}, {@link io.hvcluster.json.ScenarioFiles},
 * {@link io.hvcluster.json.FaultPlans}, read strictly by one safe reader ({@link io.hvcluster.json.InputFiles})
 * with one-line errors that name the file and the JSON path, and {@link io.hvcluster.json.ScenarioRunner},
 * which runs a scenario on the engine.
 */
module io.hvcluster.json {
  requires static org.apiguardian.api;
  requires transitive io.hvcluster.core;
  requires transitive io.hvcluster.testkit;
  requires transitive com.fasterxml.jackson.databind;

  exports io.hvcluster.json;

  // Jackson binds the file shapes (package-private records) reflectively.
  opens io.hvcluster.json to com.fasterxml.jackson.databind;
}
