/**
 * Placement: the {@link io.hvcluster.core.placement.HardRequirements} every placement path checks (the
 * cluster on each policy's answer, WSFC's default policy, SCVMM's intelligent placement in
 * {@code io.hvcluster.core.management.vmm}), WSFC's default owner selection, and the factory for the
 * built-in policies. Requests and decisions are the API's {@code PlacementRequest} and
 * {@code PlacementDecision}.
 */
package io.hvcluster.core.placement;
