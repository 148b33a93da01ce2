package io.hvcluster.examples;

import io.hvcluster.api.Host;
import io.hvcluster.api.placement.PlacementDecision;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.api.placement.PlacementRequest;
import java.util.Comparator;
import java.util.Locale;

/**
 * A custom placement policy: each group goes to the eligible node that will have the lowest share of
 * its VM memory in use once the group runs there, so that nodes of different sizes fill up evenly.
 * (Windows Server 2008's own policy takes the preferred owners in order, then the node with the fewest
 * groups, whatever their sizes.) Ties go to the node listed first in the cluster.
 *
 * <p>A policy only chooses: the engine re-checks every answer against the hard requirements (an up,
 * unpaused member, a possible owner, memory, a path to the storage), and a group for which no node
 * qualifies waits, with the reason given here, until something changes. {@code
 * BalancedMemoryPlacementPropertyTest} runs the policy under random faults with every invariant checked.
 *
 * <p>Stateless and thread-safe; {@link PlacementExample} shows it at work.
 */
public final class BalancedMemoryPlacement implements PlacementPolicy {
  @Override
  public String name() {
    return "balanced-memory";
  }

  @Override
  public PlacementDecision place(PlacementRequest request) {
    long needed = request.memoryBytes();
    return request.candidates().stream()
        .filter(request::meetsHardRequirements)
        .min(Comparator.comparingDouble(h -> shareAfter(h, needed)))
        .map(h -> PlacementDecision.choose(h.id(), String.format(Locale.ROOT, "%.0f %% of its VM memory in use after"
            + " the move, the least", shareAfter(h, needed) * 100)))
        .orElse(PlacementDecision.none("no node meets the hard requirements for " + (needed >> 20) + " MiB"));
  }

  /**
   * Returns the share of a node's memory for VMs that would be in use with {@code extraBytes} more.
   *
   * @param host the node
   * @param extraBytes the memory of the group to place
   * @return 0 to 1 for a group that fits
   */
  public static double shareAfter(Host host, long extraBytes) {
    return (double) (host.memoryCommittedBytes() + extraBytes) / host.spec().vmMemoryBytes();
  }
}
