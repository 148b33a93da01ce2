/**
 * The engine's invariants (DESIGN §7): safety S1–S12 checked after every kernel event by a
 * {@link io.hvcluster.testkit.invariant.StepMonitor}, liveness L1–L2 after the heal phase within a
 * {@link io.hvcluster.testkit.invariant.LivenessBound} computed from the cluster's policies; see
 * {@link io.hvcluster.testkit.invariant.Invariants} for exactly what each demands.
 */
package io.hvcluster.testkit.invariant;
