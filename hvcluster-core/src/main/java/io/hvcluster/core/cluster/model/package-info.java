/**
 * The state of a cluster (internal): its nodes ({@link io.hvcluster.core.cluster.model.SimHost}), VMs
 * ({@link io.hvcluster.core.cluster.model.SimVm}), groups ({@link io.hvcluster.core.cluster.model.SimGroup})
 * and LUNs with their SCSI-3 reservations ({@link io.hvcluster.core.cluster.model.SimLun}), held together
 * by {@link io.hvcluster.core.cluster.model.ClusterModel}.
 *
 * <p>Each entity owns its state: its fields are private, it changes only through its intention methods,
 * which keep its invariants and report its own events, and it tells the rest of the engine what changed
 * through one {@link io.hvcluster.core.cluster.model.EntityListener}. This package depends on no other
 * part of the engine; every feature package depends on it.
 *
 * <p>Two layers are kept apart on purpose. What a hypervisor actually does (a host's VM instances,
 * power, hangs) is the truth that safety checkers look at; what the cluster believes (node states,
 * group owners, quorum) lags behind the truth by failure-detection time. The gap between them is where
 * failover bugs live.
 */
package io.hvcluster.core.cluster.model;
