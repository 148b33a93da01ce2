package io.hvcluster.grid.hazelcast;

import com.hazelcast.map.IMap;
import io.hvcluster.campaign.spi.ResultStore;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;

/** A campaign's results in an {@code IMap} keyed by run index, with one backup. */
final class MapStore implements ResultStore {
  private final IMap<Integer, byte[]> map;

  MapStore(IMap<Integer, byte[]> map) {
    this.map = map;
  }

  @Override
  public BitSet stored(int runs) {
    BitSet s = new BitSet();
    for (Integer i : map.keySet()) {
      if (i >= 0 && i < runs) {
        s.set(i);
      }
    }
    return s;
  }

  @Override
  public Map<Integer, byte[]> getAll(Collection<Integer> indices) {
    return map.getAll(new HashSet<>(indices));
  }

  @Override
  public byte[] putIfAbsent(int index, byte[] record) {
    return map.putIfAbsent(index, record);
  }

  @Override
  public void clear() {
    map.clear();
  }
}
