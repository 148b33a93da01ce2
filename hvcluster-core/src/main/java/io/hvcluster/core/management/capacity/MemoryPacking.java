package io.hvcluster.core.management.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * First-fit-decreasing packing of groups of VMs onto hosts by memory, honouring possible owners. Used by
 * the cluster reserve and the capacity planner. Deterministic: ties keep input order.
 */
final class MemoryPacking {
  /** A host and the memory it has for VMs. */
  record Bin(String host, long capacityBytes) {}

  /** A group of VMs that must share a host, and the hosts every one of them may run on. */
  record Item(String name, int vms, long bytes, Predicate<String> allowed) {
    boolean mayRunOn(String host) {
      return allowed.test(host);
    }
  }

  /** Where each item went, what did not fit, and what each host has left. */
  record Result(Map<String, String> hostOf, List<Item> unplaced, Map<String, Long> freeBytes) {
    boolean fits() {
      return unplaced.isEmpty();
    }

    long largestFree() {
      return freeBytes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
  }

  private MemoryPacking() {}

  static Result pack(List<Bin> bins, List<Item> items) {
    Map<String, Long> free = new LinkedHashMap<>();
    bins.forEach(b -> free.put(b.host(), b.capacityBytes()));
    List<Item> order = new ArrayList<>(items);
    order.sort(Comparator.comparingLong(Item::bytes).reversed());
    Map<String, String> hostOf = new LinkedHashMap<>();
    List<Item> unplaced = new ArrayList<>();
    for (Item item : order) {
      String chosen = null;
      for (Map.Entry<String, Long> bin : free.entrySet()) {
        if (bin.getValue() >= item.bytes() && item.mayRunOn(bin.getKey())) {
          chosen = bin.getKey();
          break;
        }
      }
      if (chosen == null) {
        unplaced.add(item);
      } else {
        free.merge(chosen, -item.bytes(), Long::sum);
        hostOf.put(item.name(), chosen);
      }
    }
    return new Result(hostOf, unplaced, free);
  }
}
