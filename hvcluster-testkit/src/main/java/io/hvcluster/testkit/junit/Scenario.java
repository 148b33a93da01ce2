package io.hvcluster.testkit.junit;

import io.hvcluster.api.spec.ClusterSpec;
import io.hvcluster.testkit.fault.BudgetVerdict;
import io.hvcluster.testkit.fault.FaultBudget;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.gen.ClusterSpecJson;
import io.hvcluster.testkit.workload.Workload;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A generated cluster scenario: a topology, an operator workload, a fault plan, and whether the plan
 * stays within the budget the topology's quorum model tolerates.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param spec the cluster
 * @param workload the operations
 * @param plan the faults and heal phase
 * @param verdict the plan's fit against the budget; out-of-model runs classify failures as such
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Scenario(ClusterSpec spec, Workload workload, FaultPlan plan, BudgetVerdict verdict) {
  /**
   * Creates a scenario.
   *
   * @param spec the cluster
   * @param workload the operations
   * @param plan the faults and heal phase
   * @param verdict the plan's budget verdict
   */
  public Scenario {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Returns a scenario whose verdict uses the budget the cluster's quorum model tolerates.
   *
   * @param spec the cluster
   * @param workload the operations
   * @param plan the faults
   * @return the scenario
   */
  public static Scenario of(ClusterSpec spec, Workload workload, FaultPlan plan) {
    return new Scenario(spec, workload, plan, FaultBudget.tolerating(spec).classify(plan, spec.hosts().size()));
  }

  /**
   * Returns a description to paste into a regression test: the cluster as JSON
   * ({@link ClusterSpecJson#fromJson} reads it), the workload, the plan's timeline and budget, and the plan
   * as JSON ({@link FaultPlan#fromJson} reads it).
   *
   * @return the description
   */
  public String describe() {
    return "cluster as JSON (ClusterSpecJson.fromJson):\n" + ClusterSpecJson.toJson(spec).stripTrailing() + "\n"
        + workload.describe() + "\n" + plan.timeline() + "\nbudget: " + verdict
        + "\nplan as JSON (FaultPlan.fromJson):\n" + plan.toJson().stripTrailing();
  }

  /**
   * Returns a one-paragraph summary of a cluster spec.
   *
   * @param spec the cluster
   * @return the summary
   */
  public static String summary(ClusterSpec spec) {
    return "cluster " + spec.name() + ": " + spec.quorum() + ", " + spec.storage().type() + "\n  nodes: "
        + spec.hosts().stream().map(h -> h.id() + " " + h.memoryBytes() / (1L << 30) + "GiB " + h.installation())
            .collect(Collectors.joining(", "))
        + "\n  LUNs: " + spec.storage().luns().stream().map(l -> l.id() + (l.witness() ? "(witness)" : l.csv() ? "(csv)" : ""))
            .collect(Collectors.joining(", "))
        + "\n  VMs: " + (spec.vms().isEmpty() ? "none" : spec.vms().stream().map(v -> v.id() + " " + v.memoryBytes()
            / (1L << 20) + "MiB on " + v.luns().get(0) + (v.preferredOwners().isEmpty() ? "" : " prefers "
            + v.preferredOwners())).collect(Collectors.joining(", ")));
  }
}
