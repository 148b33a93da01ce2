/**
 * The failover engine (internal): the reconciler that keeps every wanted group online in priority order,
 * the restart policy and failover threshold, the placement of groups (candidates, the policy's answer
 * checked against the shared hard requirements), planned moves (drain, failback) and operator stops,
 * fencing (what losing storage means for a node's VMs) and the resource monitor of each VM.
 */
package io.hvcluster.core.cluster.failover;
