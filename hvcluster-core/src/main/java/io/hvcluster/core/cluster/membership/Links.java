package io.hvcluster.core.cluster.membership;

import io.hvcluster.core.cluster.model.SimHost;
import java.util.BitSet;

/** The heartbeat network: which directed links between nodes are cut. Nodes are numbered by index. */
public final class Links {
  private final BitSet cut = new BitSet();
  private final BitSet late = new BitSet();
  private final BitSet migrationCut = new BitSet();
  private static final int MAX = 64;

  /** Whether heartbeats from {@code from} fail to reach {@code to} in time: the link is cut or too slow. */
  public boolean isCut(SimHost from, SimHost to) {
    int bit = from.index() * MAX + to.index();
    return cut.get(bit) || late.get(bit);
  }

  /** Marks heartbeats on a directed link as arriving too late to count; returns whether that changed. */
  public boolean setLate(SimHost from, SimHost to, boolean isLate) {
    int bit = from.index() * MAX + to.index();
    if (late.get(bit) == isLate) {
      return false;
    }
    late.set(bit, isLate);
    return true;
  }

  public boolean migrationLinkUp(SimHost a, SimHost b) {
    return !migrationCut.get(a.index() * MAX + b.index());
  }

  public boolean setMigrationCut(SimHost a, SimHost b, boolean isCut) {
    boolean changed = migrationCut.get(a.index() * MAX + b.index()) != isCut;
    migrationCut.set(a.index() * MAX + b.index(), isCut);
    migrationCut.set(b.index() * MAX + a.index(), isCut);
    return changed;
  }

  /** Cuts or restores a directed link; returns whether that changed anything. */
  public boolean set(SimHost from, SimHost to, boolean isCut) {
    int bit = from.index() * MAX + to.index();
    if (cut.get(bit) == isCut) {
      return false;
    }
    cut.set(bit, isCut);
    return true;
  }

  public boolean anyCut() {
    return !cut.isEmpty();
  }

  /** Restores every heartbeat link, cut or late; returns the directed links that changed as (from, to) index pairs. */
  public void clearHeartbeatFaults() {
    cut.clear();
    late.clear();
  }

  public boolean anyLate() {
    return !late.isEmpty();
  }
}
