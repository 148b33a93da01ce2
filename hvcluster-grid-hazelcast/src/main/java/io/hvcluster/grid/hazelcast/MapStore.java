package io.hvcluster.grid.hazelcast;

import com.hazelcast.map.IMap;
import io.hvcluster.campaign.spi.ResultStore;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A campaign's results in an {@code IMap} with one backup, keyed by run index ({@link RunKeys}); a batch is
 * written with one put-if-absent entry processor per block of runs it touches.
 */
final class MapStore implements ResultStore {
  private final IMap<String, byte[]> map;

  MapStore(IMap<String, byte[]> map) {
    this.map = map;
  }

  @Override
  public BitSet stored(int runs) {
    BitSet s = new BitSet();
    for (String key : map.keySet()) {
      int i = RunKeys.index(key);
      if (i >= 0 && i < runs) {
        s.set(i);
      }
    }
    return s;
  }

  @Override
  public Map<Integer, byte[]> getAll(Collection<Integer> indices) {
    Set<String> keys = new HashSet<>();
    indices.forEach(i -> keys.add(RunKeys.key(i)));
    Map<Integer, byte[]> out = new HashMap<>();
    map.getAll(keys).forEach((k, v) -> out.put(RunKeys.index(k), v));
    return out;
  }

  @Override
  public Map<Integer, byte[]> putAllIfAbsent(Map<Integer, byte[]> records) {
    Map<Integer, Map<String, byte[]>> blocks = new TreeMap<>();
    records.forEach((i, r) -> blocks.computeIfAbsent(RunKeys.block(i), b -> new HashMap<>()).put(RunKeys.key(i), r));
    List<CompletableFuture<Map<String, byte[]>>> writes = blocks.values().stream()
        .map(block -> map.submitToKeys(block.keySet(), new PutIfAbsent(block)).toCompletableFuture()).toList();
    Map<Integer, byte[]> before = new HashMap<>();
    for (CompletableFuture<Map<String, byte[]>> w : writes) {
      try {
        w.join().forEach((k, v) -> {
          if (v != null) {
            before.put(RunKeys.index(k), v);
          }
        });
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    return before;
  }

  @Override
  public void clear() {
    map.clear();
  }
}
