/**
 * The engine of a simulated failover cluster (internal). {@link io.hvcluster.core.cluster.SimCluster} is
 * the public {@code Cluster} face and the wiring of the feature packages below it; faults enter through
 * {@code FaultInjector}, which validates and records each one and hands it to the one part that reacts.
 *
 * <ul>
 *   <li>{@code model}: the entities (nodes, VMs, groups, LUNs), each owning its state;
 *   <li>{@code availability}: availability accounts and guest clusters, which watch who serves;
 *   <li>{@code memory}: the memory adapter, modeled or real;
 *   <li>{@code lifecycle}: booting, restoring, saving, stopping and killing VM instances;
 *   <li>{@code membership}: heartbeats, links, regroup and quorum, the node service;
 *   <li>{@code storage}: the reservations a group needs, the witness and CSV coordinators;
 *   <li>{@code migration}: the migration runtime;
 *   <li>{@code failover}: the reconciler, restart policy, placement, planned moves, fencing and the
 *       resource monitor.
 * </ul>
 *
 * Each package depends only on those above it in this list (and on {@code core.sim}); an architecture
 * test holds that line. docs/architecture.md describes the packages for contributors.
 */
package io.hvcluster.core.cluster;
