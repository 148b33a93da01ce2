/**
 * Membership (internal): heartbeats between nodes (elided or beat by beat), the heartbeat and migration
 * links, the regroup that finds the partition with quorum under the four quorum models, and each node's
 * cluster service with the one reaction to everything that can befall a node (power loss, hang and
 * resume, service crash, leaving the active partition). What the failover engine must do about it goes to
 * a {@link io.hvcluster.core.cluster.membership.MembershipListener}.
 */
package io.hvcluster.core.cluster.membership;
