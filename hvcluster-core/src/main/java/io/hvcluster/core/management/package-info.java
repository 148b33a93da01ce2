/**
 * The management layer, after System Center Virtual Machine Manager 2008: cluster descriptions (the
 * model of the JSON file format), configuration validation, the cluster reserve, capacity planning,
 * intelligent placement, and a manager of several clusters with PRO-style rebalancing.
 *
 * <p>Entry points: {@link io.hvcluster.core.management.ClusterDescription},
 * {@link io.hvcluster.core.management.ConfigurationValidator},
 * {@link io.hvcluster.core.management.ClusterReserve},
 * {@link io.hvcluster.core.management.CapacityPlanner} and
 * {@link io.hvcluster.core.management.IntelligentPlacement}.
 */
package io.hvcluster.core.management;
