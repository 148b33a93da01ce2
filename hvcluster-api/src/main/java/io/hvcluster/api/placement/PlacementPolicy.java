package io.hvcluster.api.placement;

import org.apiguardian.api.API;

/**
 * Chooses the node for a group. The cluster calls it one group at a time, in priority order, and
 * commits each decision before asking about the next, so a policy always sees the current load: in a
 * batch of placements (the groups of a failed node, a start of every VM, a drain), a group already decided
 * counts on its node ({@link io.hvcluster.api.Host#groupCount()}) and its memory is promised there ({@link
 * io.hvcluster.api.Host#memoryFreeBytes()}), even while a drained group is still moving.
 *
 * <p>The cluster re-checks hard constraints on the answer (up member, not paused, possible owner, memory,
 * storage path); a node that fails them is refused and the group waits, with the reason recorded. Soft
 * preferences (preferred owners, anti-affinity, balance) are the policy's business.
 *
 * <p>A policy is called on the simulation's thread and must be deterministic: no wall clock, no
 * unseeded randomness, no iteration over hash-ordered collections that reaches the answer. Example, the
 * node with the most free memory:
 *
 * <pre>{@code
 * PlacementPolicy mostFree = request -> request.candidates().stream()
 *     .filter(request::meetsHardRequirements)
 *     .max(Comparator.comparingLong(Host::memoryFreeBytes))
 *     .map(h -> PlacementDecision.choose(h.id(), "most free memory"))
 *     .orElse(PlacementDecision.none("no node has " + request.memoryBytes() + " bytes free"));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
@FunctionalInterface
public interface PlacementPolicy {
  /**
   * Chooses a node for the group.
   *
   * @param request the group, candidates and reason
   * @return the decision
   */
  PlacementDecision place(PlacementRequest request);

  /**
   * Returns the policy's name, used in events.
   *
   * @return the name; by default the simple class name
   */
  default String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? "custom" : simple;
  }
}
