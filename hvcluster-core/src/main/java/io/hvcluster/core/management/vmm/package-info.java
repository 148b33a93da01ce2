/**
 * System Center Virtual Machine Manager 2008 on running clusters: intelligent placement (host ratings
 * of 0 to 5 stars, as a {@link io.hvcluster.api.placement.PlacementPolicy}), and a manager of several
 * clusters and standalone hosts that rates hosts for new VMs, provisions them from templates and
 * suggests PRO-style rebalancing moves.
 *
 * <p>Placement and the manager share one package because the manager's cross-cluster ratings and
 * rebalancing are built on the policy's own load model (expected VM loads, host capacities, unrounded
 * scores), which is not public API.
 *
 * <p>Entry points: {@link io.hvcluster.core.management.vmm.IntelligentPlacement} and
 * {@link io.hvcluster.core.management.vmm.VirtualMachineManager}.
 */
package io.hvcluster.core.management.vmm;
