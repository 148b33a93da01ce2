/**
 * Capacity: the cluster reserve (does the cluster still hold its VMs after the reserve's host
 * failures?) and capacity planning (how many hosts and clusters do measured workloads need?), each with
 * the arithmetic that decided it.
 *
 * <p>Entry points: {@link io.hvcluster.core.management.capacity.ClusterReserve} and
 * {@link io.hvcluster.core.management.capacity.CapacityPlanner}.
 */
package io.hvcluster.core.management.capacity;
