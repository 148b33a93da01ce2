package io.hvcluster.core.report;

import io.hvcluster.api.VmState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sums a node's VM bars into one strip: over time, how many VMs were on the node and the least healthy
 * state any of them was in (a failed VM outweighs a booting one, which outweighs a running one). The
 * timeline draws this strip instead of one bar per VM when a cluster has too many VMs to read bar by bar.
 */
final class Aggregate {
  /** Least healthy first: the strip takes the colour of the first state any VM is in. */
  private static final List<VmState> SEVERITY = List.of(VmState.FAILED, VmState.SAVED, VmState.SAVING,
      VmState.RESTORING, VmState.STARTING, VmState.STOPPING, VmState.MIGRATING, VmState.RUNNING);

  private Aggregate() {}

  static List<Lanes.Span> of(List<Lanes.VmBar> bars) {
    TreeMap<Long, Map<VmState, Integer>> deltas = new TreeMap<>();
    for (Lanes.VmBar b : bars) {
      for (Lanes.Span s : b.segments()) {
        VmState state = VmState.valueOf(s.state());
        deltas.computeIfAbsent(s.start(), t -> new EnumMap<>(VmState.class)).merge(state, 1, Integer::sum);
        deltas.computeIfAbsent(s.end(), t -> new EnumMap<>(VmState.class)).merge(state, -1, Integer::sum);
      }
    }
    List<Lanes.Span> out = new ArrayList<>();
    Map<VmState, Integer> count = new EnumMap<>(VmState.class);
    Long since = null;
    for (Map.Entry<Long, Map<VmState, Integer>> d : deltas.entrySet()) {
      if (since != null) {
        emit(out, since, d.getKey(), count);
      }
      d.getValue().forEach((state, n) -> count.merge(state, n, Integer::sum));
      count.values().removeIf(n -> n == 0);
      since = d.getKey();
    }
    return List.copyOf(out);
  }

  private static void emit(List<Lanes.Span> out, long start, long end, Map<VmState, Integer> count) {
    int total = count.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return;
    }
    VmState worst = SEVERITY.stream().filter(count::containsKey).findFirst().orElse(VmState.RUNNING);
    String detail = count.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
    Lanes.add(out, start, end, worst.name(), detail, total + (total == 1 ? " VM" : " VMs"));
  }
}
