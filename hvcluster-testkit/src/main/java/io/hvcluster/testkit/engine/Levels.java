package io.hvcluster.testkit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps, per target, the levels that active faults set (a heartbeat delay, a slowdown factor), so the
 * strongest one applies and the next strongest takes over when it heals.
 *
 * @param <K> the target type
 * @param <V> the level type
 */
final class Levels<K extends Comparable<? super K>, V extends Comparable<? super V>> {
  private final Map<K, List<V>> levels = new TreeMap<>();

  /** Adds a level and returns the strongest level now in force. */
  V add(K key, V level) {
    levels.computeIfAbsent(key, k -> new ArrayList<>()).add(level);
    return strongest(key).orElseThrow();
  }

  /** Removes one occurrence of a level and returns the strongest left, empty when none is. */
  Optional<V> remove(K key, V level) {
    List<V> list = levels.get(key);
    if (list != null) {
      list.remove(level);
      if (list.isEmpty()) {
        levels.remove(key);
      }
    }
    return strongest(key);
  }

  /** Returns the strongest level in force for the target. */
  Optional<V> strongest(K key) {
    List<V> list = levels.get(key);
    return list == null ? Optional.empty() : list.stream().max(V::compareTo);
  }

  /** Forgets every level and returns the targets that had one, in order. */
  List<K> clear() {
    List<K> keys = new ArrayList<>(levels.keySet());
    levels.clear();
    return keys;
  }
}
