package io.hvcluster.grid.hazelcast;

/**
 * The key of a run's result in a campaign map: {@code "INDEX@BLOCK"}, where the block is the index divided
 * by {@link #BLOCK}. The map partitions keys by the text after {@code @} (Hazelcast's string partitioning
 * strategy), so a block of consecutive runs lives in one partition and is written by one operation.
 */
final class RunKeys {
  /** Runs per block. */
  static final int BLOCK = 128;

  private RunKeys() {}

  static String key(int index) {
    return index + "@" + block(index);
  }

  static int block(int index) {
    return index / BLOCK;
  }

  /** Returns the run index of a key, or −1 for a key that is not a run's. */
  static int index(String key) {
    int at = key.indexOf('@');
    try {
      return at > 0 ? Integer.parseInt(key, 0, at, 10) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
