package io.hvcluster.core.cluster;

import java.util.BitSet;

/** The heartbeat network: which directed links between nodes are cut. Nodes are numbered by index. */
final class Links {
  private final BitSet cut = new BitSet();
  private static final int MAX = 64;

  boolean isCut(SimHost from, SimHost to) {
    return cut.get(from.index * MAX + to.index);
  }

  /** Cuts or restores a directed link; returns whether that changed anything. */
  boolean set(SimHost from, SimHost to, boolean isCut) {
    int bit = from.index * MAX + to.index;
    if (cut.get(bit) == isCut) {
      return false;
    }
    cut.set(bit, isCut);
    return true;
  }

  boolean anyCut() {
    return !cut.isEmpty();
  }
}
