/**
 * The Hazelcast campaign engine: {@link io.hvcluster.grid.hazelcast.HazelcastEngine} coordinates campaigns
 * from a member of the grid, {@link io.hvcluster.grid.hazelcast.GridMemberMain} starts a member that only
 * works, and {@link io.hvcluster.grid.hazelcast.HazelcastProvider} makes both available to tools through
 * {@link java.util.ServiceLoader}.
 */
package io.hvcluster.grid.hazelcast;
