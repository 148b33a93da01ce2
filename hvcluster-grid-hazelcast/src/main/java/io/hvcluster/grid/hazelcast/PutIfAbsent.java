package io.hvcluster.grid.hazelcast;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Stores a result under its run index unless one is there, on the partition that owns the index (and,
 * applied again, on its backup), returning the one stored before. Sent with {@code submitToKey}, so a
 * batch stores all of its results without waiting for each.
 */
final class PutIfAbsent implements EntryProcessor<Integer, byte[], byte[]> {
  private static final long serialVersionUID = 1L;

  private final byte[] record;

  PutIfAbsent(byte[] record) {
    this.record = record;
  }

  @Override
  public byte[] process(Map.Entry<Integer, byte[]> entry) {
    byte[] before = entry.getValue();
    if (before == null) {
      entry.setValue(record);
    }
    return before;
  }
}
