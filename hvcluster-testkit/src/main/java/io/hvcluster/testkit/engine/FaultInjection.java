package io.hvcluster.testkit.engine;

import io.hvcluster.api.Cluster;
import io.hvcluster.core.Simulation;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.history.History;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Binds a {@link FaultPlan} to a running simulation: every fault is scheduled at its time (measured
 * from the moment of the call), its selectors are resolved against the live cluster with a random
 * stream derived from the seed and the fault itself, it is applied through the engine's
 * {@link io.hvcluster.api.ClusterFaults} primitives, recorded in the history (nemesis invoke / info, or
 * fail when it cannot be applied), healed when its duration ends, and everything heals in the plan's
 * heal phase. Overlapping faults compose: a target comes back only when no active fault holds it.
 *
 * <table>
 * <caption>How each fault kind drives the engine</caption>
 * <tr><th>fault</th><th>engine primitives</th></tr>
 * <tr><td>host-crash, power-loss</td><td>{@code crashHost}; heal: {@code powerOnHost} (the node boots and
 *     rejoins)</td></tr>
 * <tr><td>host-hang</td><td>{@code hangHost}; heal: {@code resumeHost}</td></tr>
 * <tr><td>cluster-service-crash</td><td>{@code crashClusterService}, crashed again whenever the service
 *     restarts while the fault lasts; heal: the engine restarts it</td></tr>
 * <tr><td>vm-crash, guest-hang</td><td>{@code crashVm}; {@code hangGuest} / {@code resumeGuest}</td></tr>
 * <tr><td>vm-start-failure</td><td>{@code failNextStarts}</td></tr>
 * <tr><td>isolate, split, majorities-ring, bridge, one-way-link</td><td>{@code cutLink} on the directed
 *     links of the {@link io.hvcluster.testkit.fault.Partitions} shape; heal: {@code restoreLink}</td></tr>
 * <tr><td>swizzle-clog</td><td>each node's links cut one node per interval; healed one node per interval
 *     in another random order</td></tr>
 * <tr><td>heartbeat-delay</td><td>{@code delayHeartbeats} on the nodes' outgoing links</td></tr>
 * <tr><td>heartbeat-loss</td><td>beats drawn lost or not up front; every run of at least the heartbeat
 *     threshold of lost beats becomes a cut of that link for the run's length</td></tr>
 * <tr><td>path-down</td><td>{@code failStoragePaths} (all paths); heal: {@code restoreStoragePaths}</td></tr>
 * <tr><td>lun-offline</td><td>{@code takeLunOffline}; heal: {@code bringLunOnline}</td></tr>
 * <tr><td>io-latency, io-stall</td><td>{@code slowLun} by the factor (a stall: {@link
 *     io.hvcluster.testkit.invariant.LivenessBound#STALL_SLOWDOWN}, since the engine has no I/O that waits
 *     forever)</td></tr>
 * <tr><td>write-error, no-space</td><td>{@code failStorageWrites}; heal: {@code restoreStorageWrites}</td></tr>
 * <tr><td>bit-rot, lose-unflushed-writes</td><td>{@code damageSavedState} of the VMs whose files are on
 *     the LUNs (real files for real memory)</td></tr>
 * <tr><td>torn-write</td><td>arms the LUN: the next saved-state commit there is damaged (prefix: torn
 *     page, suffix: truncated header, garbage: bit rot)</td></tr>
 * <tr><td>reservation-preempt</td><td>{@code preemptReservation}</td></tr>
 * <tr><td>witness-loss</td><td>{@code loseWitness} for every node; for some nodes of a disk witness,
 *     their paths to the witness disk fail</td></tr>
 * <tr><td>migration-source-crash, migration-target-crash</td><td>armed; when a selected VM's next
 *     migration enters the stage's phase ({@code MigrationPhaseStarted}), that node crashes and stays
 *     down until the heal phase</td></tr>
 * <tr><td>lost-migration-ack</td><td>{@code loseMigrationAcknowledgement}</td></tr>
 * </table>
 *
 * <p>Use it on the simulation's thread. Example, outside JUnit:
 *
 * <pre>{@code
 * History history = new History();
 * InjectedPlan injected = FaultInjection.apply(plan, simulation, cluster, seed, history);
 * simulation.runFor(plan.end());
 * System.out.println(history.render());
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class FaultInjection {
  private FaultInjection() {}

  /**
   * Schedules a plan's faults and heal phase on a simulation, from now.
   *
   * @param plan the plan; its times count from this call
   * @param simulation the simulation that drives the cluster
   * @param cluster a cluster of that simulation
   * @param seed the seed from which selectors' random choices derive
   * @param history where faults and heals are recorded
   * @return a handle on the applied plan
   * @throws IllegalArgumentException when the cluster belongs to another simulation
   */
  public static InjectedPlan apply(FaultPlan plan, Simulation simulation, Cluster cluster, long seed, History history) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(history, "history");
    Nemesis nemesis = new Nemesis(plan, simulation, cluster, seed, history);
    nemesis.schedule();
    return new InjectedPlan(plan, nemesis);
  }
}
