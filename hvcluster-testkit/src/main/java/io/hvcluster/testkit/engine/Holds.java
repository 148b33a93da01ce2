package io.hvcluster.testkit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how many active faults hold each target, so that overlapping faults compose: a target is
 * broken when the first fault takes it and repaired only when the last one lets go. Keys are kept in
 * their natural order, so nothing here depends on hash order.
 *
 * @param <K> the target type
 */
final class Holds<K extends Comparable<? super K>> {
  private final Map<K, Integer> counts = new TreeMap<>();

  /** Takes a hold; returns true when the target was free before. */
  boolean acquire(K key) {
    return counts.merge(key, 1, Integer::sum) == 1;
  }

  /** Lets go of a hold; returns true when that freed the target. A key not held returns false. */
  boolean release(K key) {
    Integer n = counts.get(key);
    if (n == null) {
      return false;
    }
    if (n == 1) {
      counts.remove(key);
      return true;
    }
    counts.put(key, n - 1);
    return false;
  }

  /** Returns whether any fault holds the target. */
  boolean held(K key) {
    return counts.containsKey(key);
  }

  /** Forgets every hold and returns the targets that were held, in order. */
  List<K> clear() {
    List<K> held = new ArrayList<>(counts.keySet());
    counts.clear();
    return held;
  }
}
