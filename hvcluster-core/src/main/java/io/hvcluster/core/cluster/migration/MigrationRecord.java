package io.hvcluster.core.cluster.migration;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPass;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration reports when it ends: its phases with their virtual times, its pre-copy passes, the
 * bytes it moved, whether it fell back to Quick Migration, and its blackout (the time the VM did not
 * serve, from the first moment it stopped serving to the last moment it served again).
 */
final class MigrationRecord {
  /** Which migration this is: its strategy, VM, nodes and start. */
  private record Header(String strategy, VmId vm, HostId source, HostId target, long start) {
  }

  private final Header header;
  private final List<MigrationPhase> phases = new ArrayList<>();
  private final List<MigrationPass> passes = new ArrayList<>();
  private String phase;
  private long phaseStart;
  private long bytes;
  private boolean fellBack;
  private long blackoutStart = -1;
  private long downtime;

  MigrationRecord(String strategy, VmId vm, HostId source, HostId target, long start) {
    this.header = new Header(strategy, vm, source, target, start);
  }

  long start() {
    return header.start();
  }

  /** A new phase begins at {@code now}, ending the one before. */
  void phase(String name, long now) {
    if (phase != null) {
      phases.add(new MigrationPhase(phase, phaseStart, now));
    }
    phase = name;
    phaseStart = now;
  }

  void addBytes(long count) {
    bytes += count;
  }

  void recordPass(MigrationPass pass) {
    passes.add(pass);
  }

  void fellBackToQuick() {
    fellBack = true;
  }

  /** The VM serves ({@code true}) or not at {@code now}: a blackout begins or ends. */
  void serving(boolean serving, long now) {
    if (!serving && blackoutStart < 0) {
      blackoutStart = now;
    } else if (serving && blackoutStart >= 0) {
      downtime += now - blackoutStart;
      blackoutStart = -1;
    }
  }

  /** Ends the record at {@code now}, the VM serving or not, and returns the result. */
  MigrationResult end(MigrationOutcome outcome, long now, boolean serving, String detail) {
    if (phase != null) {
      phases.add(new MigrationPhase(phase, phaseStart, now));
      phase = null;
    }
    if (blackoutStart >= 0 && serving) {
      downtime += now - blackoutStart;
      blackoutStart = -1;
    }
    long blackout = downtime + (blackoutStart >= 0 ? now - blackoutStart : 0);
    return new MigrationResult(header.strategy(), header.vm(), header.source(), header.target(), outcome,
        header.start(), now, blackout, bytes, phases, passes, fellBack, detail);
  }
}
