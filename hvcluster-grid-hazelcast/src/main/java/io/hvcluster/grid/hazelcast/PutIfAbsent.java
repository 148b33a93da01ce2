package io.hvcluster.grid.hazelcast;

import com.hazelcast.map.EntryProcessor;
import java.util.HashMap;
import java.util.Map;

/**
 * Stores the results of one block of runs unless a result is there, on the partition that owns the block
 * (and, applied again, on its backup), returning the result stored before for each run that had one. One
 * block is one partition (see {@link RunKeys}), so a batch of 128 runs costs one or two operations, not 128.
 */
final class PutIfAbsent implements EntryProcessor<String, byte[], byte[]> {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, byte[]> records;

  PutIfAbsent(Map<String, byte[]> records) {
    this.records = new HashMap<>(records);
  }

  @Override
  public byte[] process(Map.Entry<String, byte[]> entry) {
    byte[] before = entry.getValue();
    if (before == null) {
      entry.setValue(records.get(entry.getKey()));
    }
    return before;
  }
}
