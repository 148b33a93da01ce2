package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.check.StepInvariant;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The engine's invariants (DESIGN §7), ready to attach to a run with {@link StepMonitor}.
 *
 * <table>
 * <caption>Checks</caption>
 * <tr><th>id</th><th>when</th><th>what it demands</th></tr>
 * <tr><td>S1</td><td>every step</td><td>a VM executes on at most one host (a hung host's VMs are frozen and
 *     do not count)</td></tr>
 * <tr><td>S2</td><td>every step</td><td>LUN ownership is fenced: generations never go back, a LUN changes
 *     hands only with a new generation, the owner is registered, an online LUN has an owner</td></tr>
 * <tr><td>S3</td><td>every step</td><td>a VM executes or saves only on the node that reserves its ordinary
 *     (non-CSV) LUNs</td></tr>
 * <tr><td>S4</td><td>every step</td><td>VMs execute or restore only in the partition that holds quorum (a
 *     partition an operator forced with {@code /forcequorum} counts as holding it)</td></tr>
 * <tr><td>S5</td><td>every step</td><td>nothing executes or restores on a node that is DOWN or JOINING</td></tr>
 * <tr><td>S6</td><td>every step</td><td>memory committed on a host never exceeds its memory for VMs</td></tr>
 * <tr><td>S7</td><td>every step</td><td>a damaged saved state is never run; with real memory, commits
 *     verify and a failed save keeps the previous generation</td></tr>
 * <tr><td>S8</td><td>every step</td><td>an operator-stopped VM is never started or restored by the
 *     cluster</td></tr>
 * <tr><td>S9</td><td>every step</td><td>restarts and failovers stay within their thresholds and
 *     windows</td></tr>
 * <tr><td>S10</td><td>every step and at the end</td><td>a migration ends exactly once and the VM stays on
 *     its source or target; at the end none is open</td></tr>
 * <tr><td>S11</td><td>every step</td><td>a paused node takes no new group: nothing is placed on it and no
 *     migration targets it</td></tr>
 * <tr><td>S12</td><td>every step</td><td>at most one forced partition at a time: quorum forced on a node
 *     outside the partition already forced is a split brain</td></tr>
 * <tr><td>L1</td><td>after the heal phase</td><td>every VM that should run and fits runs again within the
 *     {@link LivenessBound#recovery() recovery bound}</td></tr>
 * <tr><td>L2</td><td>after the heal phase</td><td>quorum is back within the {@link LivenessBound#quorum()
 *     quorum bound} and every running node is a member</td></tr>
 * </table>
 *
 * <p>This class is stateless and thread-safe; the sets it makes are not. Example:
 *
 * <pre>{@code
 * StepMonitor monitor = StepMonitor.attach(simulation, cluster, history, Invariants.standard(simulation, cluster));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Invariants {
  private Invariants() {}

  /**
   * Returns the standard checks for a run with modeled memory.
   *
   * @param simulation the simulation
   * @param cluster the cluster it drives
   * @return a new set of checks
   */
  public static CheckSet standard(Simulation simulation, Cluster cluster) {
    return standard(simulation, cluster, null);
  }

  /**
   * Returns the standard checks for a run; with real memory, pass the simulation's work directory so
   * that S7 verifies saved-state files on disk.
   *
   * @param simulation the simulation
   * @param cluster the cluster it drives
   * @param workDirectory the simulation's work directory for real memory, or null for modeled memory
   * @return a new set of checks
   */
  public static CheckSet standard(Simulation simulation, Cluster cluster, Path workDirectory) {
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(cluster, "cluster");
    RunFacts facts = new RunFacts(cluster);
    Snapshot snapshot = new Snapshot(facts::stateVersion, cluster);
    MigrationEnds migrations = new MigrationEnds(cluster);
    List<StepInvariant> invariants = List.of(new SingleRunner(snapshot), new LunFencing(cluster),
        new StorageOwnership(snapshot, facts), new QuorumRule(snapshot), new LiveHostsOnly(snapshot),
        new MemoryCapacity(snapshot), new SavedStateIntegrity(cluster, workDirectory), new OperatorIntent(facts),
        new RetryLimits(cluster), migrations, new PausedNodes(), new ForcedPartitions(cluster));
    return new CheckSet(cluster, facts, invariants, migrations);
  }

  /**
   * Returns a set with no standard step invariants (only L1, L2 at the end), for runs that bring their
   * own.
   *
   * @param cluster the cluster
   * @param invariants the step invariants
   * @return a new set of checks
   */
  public static CheckSet only(Cluster cluster, StepInvariant... invariants) {
    return new CheckSet(cluster, new RunFacts(cluster), List.of(invariants), null);
  }
}
