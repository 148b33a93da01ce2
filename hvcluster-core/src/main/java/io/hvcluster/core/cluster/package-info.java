/**
 * The cluster model (internal): nodes, membership and quorum, heartbeats, shared storage with SCSI-3
 * reservations, VMs and groups, and the reconciler that places, starts, restarts and fails groups over.
 *
 * <p>Two layers are kept apart on purpose. What a hypervisor actually does (a host's VM instances,
 * power, hangs) is the truth that safety checkers look at; what the cluster believes (node states,
 * group owners, quorum) lags behind the truth by failure-detection time. The gap between them is where
 * failover bugs live.
 */
package io.hvcluster.core.cluster;
