package io.hvcluster.testkit.invariant;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.ClusterEvent;
import io.hvcluster.api.event.FaultApplied;
import io.hvcluster.api.event.VmStateChanged;
import io.hvcluster.core.memory.SavedStateStore;
import io.hvcluster.testkit.check.StepInvariant;
import io.hvcluster.testkit.fault.DurationText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * S7: a committed saved state is never lost or silently corrupted.
 *
 * <ul>
 *   <li>A VM whose saved state a fault damaged (seen as a {@code saved-state-*} fault event while the VM
 *       was saving or saved, or restoring for a restore that starts later, and, for real memory, confirmed
 *       by verifying the files) must never keep running on it: the restore must be rejected (the VM cold-boots), or a lazily restored VM
 *       must fail at the same instant its chunks are first checked. Running past that instant means the
 *       corruption was accepted.
 *   <li>With real memory (when the work directory is known), a saved state verifies completely (header
 *       and every chunk's CRC32C) right after its commit, and a save that fails leaves the previously
 *       committed generation intact, unless it had committed a complete newer one before it was
 *       abandoned.
 * </ul>
 *
 * <p>Memory contents are not compared here: reading a VM's memory through the API would advance its
 * guest workload and so change the run being checked.
 */
final class SavedStateIntegrity implements StepInvariant {
  private final Cluster cluster;
  private final Path lunsDirectory;
  private final List<String[]> damaged = new ArrayList<>();
  private final Map<VmId, String> corrupt = new TreeMap<>();
  private final Map<VmId, String> corruptAfterRestore = new TreeMap<>();
  private final Map<VmId, Long> restoredCorrupt = new TreeMap<>();
  /** When the damage on record in {@link #corrupt} was done. */
  private final Map<VmId, Long> corruptAt = new TreeMap<>();
  /** When each VM's latest save began. */
  private final Map<VmId, Long> savingSince = new TreeMap<>();
  private final Set<VmId> committed = new TreeSet<>();
  private final Set<VmId> saveFailed = new TreeSet<>();
  /**
   * VMs whose committed saved state a fault damaged while they ran (the state on disk was no longer
   * theirs to restore), until their next save commits: a failed save is not blamed for that damage.
   */
  private final Set<VmId> damagedWhileRunning = new TreeSet<>();
  private final Map<VmId, Long> lastGeneration = new TreeMap<>();
  private long now;

  /**
   * Creates the check.
   *
   * @param cluster the cluster
   * @param workDirectory the simulation's work directory when memory is real, else null
   */
  SavedStateIntegrity(Cluster cluster, Path workDirectory) {
    this.cluster = cluster;
    this.lunsDirectory = workDirectory == null ? null : workDirectory.resolve("luns").resolve(cluster.name());
  }

  @Override
  public String id() {
    return "S7";
  }

  @Override
  public void observe(ClusterEvent event) {
    now = event.timeNanos();
    if (event instanceof FaultApplied) {
      FaultApplied f = (FaultApplied) event;
      if (f.fault().startsWith("saved-state-")) {
        damaged.add(new String[] {f.detail(), f.fault()});
      }
      return;
    }
    if (!(event instanceof VmStateChanged)) {
      return;
    }
    VmStateChanged v = (VmStateChanged) event;
    VmId vm = v.vm();
    if (restoredCorrupt.containsKey(vm)) {
      restoredCorrupt.remove(vm); // it left RUNNING: the corruption was found
    }
    if (v.to() == VmState.SAVING) {
      savingSince.put(vm, v.timeNanos());
    }
    if (v.from() == VmState.SAVING && v.to() == VmState.SAVED) {
      damagedWhileRunning.remove(vm);
      Long damagedAt = corruptAt.get(vm);
      if (damagedAt != null && damagedAt < savingSince.getOrDefault(vm, Long.MAX_VALUE)) {
        // The new generation replaces the damaged one. Damage done while saving may have hit the new
        // generation itself, so it stays on record.
        corrupt.remove(vm);
        corruptAt.remove(vm);
      }
      committed.add(vm);
    }
    if (v.from() == VmState.SAVING && v.to() == VmState.RUNNING) {
      saveFailed.add(vm); // the previous generation, damaged or not, is still the committed one
    }
    if (v.from() == VmState.RESTORING && v.to() == VmState.RUNNING && corrupt.containsKey(vm)) {
      restoredCorrupt.put(vm, v.timeNanos());
    }
    if (v.from() == VmState.RESTORING) {
      String pending = corruptAfterRestore.remove(vm);
      if (pending != null) {
        // Damage done during the restore did not reach it, but the files on disk are damaged now.
        corrupt.put(vm, pending);
      }
    }
  }

  @Override
  public Optional<String> check(Cluster c, ClusterEvent event) {
    for (String[] d : damaged) {
      VmId vm = VmId.of(d[0]);
      VmState state = cluster.vm(vm).state();
      if (state == VmState.SAVING || state == VmState.SAVED || state == VmState.RESTORING) {
        String why = lunsDirectory == null ? "" : verify(vm).orElse(null);
        if (why != null) {
          String what = d[1] + " at " + DurationText.formatNanos(now) + (why.isEmpty() ? "" : " (" + why + ")");
          // A restore under way has read the state already; the damage matters to the next restore.
          (state == VmState.RESTORING ? corruptAfterRestore : corrupt).put(vm, what);
          corruptAt.put(vm, now);
        } else if (state != VmState.RESTORING) {
          // The files verify again (a later fault undid an earlier one): nothing damaged is left to accept.
          corrupt.remove(vm);
          corruptAt.remove(vm);
        }
      } else {
        damagedWhileRunning.add(vm);
      }
    }
    damaged.clear();
    for (Map.Entry<VmId, Long> e : restoredCorrupt.entrySet()) {
      if (now > e.getValue()) {
        return Optional.of(e.getKey() + " was restored at " + DurationText.formatNanos(e.getValue()) + " from a saved"
            + " state damaged by " + corrupt.get(e.getKey()) + " and still runs at " + DurationText.formatNanos(now)
            + ": the corruption was accepted silently");
      }
    }
    if (lunsDirectory != null) {
      Optional<String> broken = checkFiles();
      if (broken.isPresent()) {
        return broken;
      }
    }
    return Optional.empty();
  }

  private Optional<String> checkFiles() {
    for (VmId vm : committed) {
      Optional<String> bad = verify(vm);
      if (bad.isPresent() && !corrupt.containsKey(vm)) {
        committed.clear();
        return Optional.of("the saved state of " + vm + " fails verification right after its commit: " + bad.get());
      }
      generation(vm).ifPresent(g -> lastGeneration.put(vm, g));
    }
    committed.clear();
    for (VmId vm : saveFailed) {
      Long before = lastGeneration.get(vm);
      if (before == null || corrupt.containsKey(vm) || damagedWhileRunning.contains(vm)) {
        continue;
      }
      Optional<String> bad = verify(vm);
      Optional<Long> current = generation(vm);
      if (bad.isEmpty() && current.isPresent() && current.get() > before) {
        // The save had committed a complete new generation before the migration was abandoned: nothing
        // was lost, the newer state replaced the older one.
        lastGeneration.put(vm, current.get());
        continue;
      }
      if (bad.isPresent() || current.isEmpty() || !current.get().equals(before)) {
        saveFailed.clear();
        return Optional.of("a failed save of " + vm + " lost the committed saved state of generation " + before + ": "
            + bad.orElse("generation is now " + current.map(String::valueOf).orElse("none")));
      }
    }
    saveFailed.clear();
    return Optional.empty();
  }

  /** Verifies a VM's committed saved state on disk; returns why it is bad, or empty when it verifies. */
  private Optional<String> verify(VmId vm) {
    Path dir = lunsDirectory.resolve(cluster.vm(vm).spec().luns().get(0).name());
    if (!Files.isDirectory(dir)) {
      return Optional.of("no saved-state directory " + dir);
    }
    try {
      SavedStateStore.in(dir).verify(vm);
      return Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private Optional<Long> generation(VmId vm) {
    Path dir = lunsDirectory.resolve(cluster.vm(vm).spec().luns().get(0).name());
    try {
      return Optional.of(SavedStateStore.in(dir).info(vm).generation());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
