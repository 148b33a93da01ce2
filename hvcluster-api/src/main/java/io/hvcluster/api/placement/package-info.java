/**
 * The placement SPI: a {@link io.hvcluster.api.placement.PlacementPolicy} chooses the node for a group
 * when it is first started, fails over, fails back or is drained. The cluster enforces hard constraints
 * on every decision, so a policy can be as simple or as clever as its author likes.
 */
package io.hvcluster.api.placement;
