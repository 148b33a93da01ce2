package io.hvcluster.examples;

import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationStrategy;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A custom migration strategy: Quick Migration with the pre-flight check an administrator would want
 * before a planned move. It refuses (rolls back before touching the VM) when the target would be left
 * with less than a headroom of free memory, so that a maintenance drain cannot fill a node that must
 * still absorb a failure. Otherwise it does what Windows Server 2008's Quick Migration does, step by step
 * on the {@link MigrationContext}: pause and save the memory to the LUN, release the LUN, let the target
 * arbitrate for it, restore and resume. (It assumes dedicated LUNs; a VM on a Cluster Shared Volume has
 * no LUN to hand over.)
 *
 * <p>Every step takes virtual time from the cluster's cost model ({@code ctx.costs()}) and is scheduled
 * with {@code ctx.after}: a strategy never blocks or reads a clock. The engine checks each state change
 * and ends the migration itself if a node or link fails meanwhile. Stateless and thread-safe;
 * {@link MigrationExample} runs it.
 */
public final class CheckedQuickMigration implements MigrationStrategy {
  private final long headroomBytes;

  /**
   * Creates the strategy.
   *
   * @param headroomBytes the free memory the target must keep after the move
   */
  public CheckedQuickMigration(long headroomBytes) {
    if (headroomBytes < 0) {
      throw new IllegalArgumentException("headroom is " + headroomBytes + " bytes; it must be 0 or more");
    }
    this.headroomBytes = headroomBytes;
  }

  @Override
  public String name() {
    return "checked-quick";
  }

  @Override
  public void start(MigrationContext ctx) {
    // The cluster commits the VM's memory on the target when the migration starts: what is free is what is left.
    long freeAfter = ctx.target().memoryFreeBytes();
    if (freeAfter < headroomBytes) {
      ctx.rollBack("pre-flight: " + ctx.target().id() + " would keep " + (freeAfter >> 20) + " MiB free, less than the "
          + (headroomBytes >> 20) + " MiB headroom");
      return;
    }
    ctx.phase("save");
    ctx.transition(VmState.SAVING, "checked quick migration to " + ctx.target().id() + ": paused, saving memory");
    SavedStateInfo saved;
    try {
      saved = ctx.saveState();
    } catch (UncheckedIOException e) {
      ctx.transition(VmState.RUNNING, "save failed; resumed on " + ctx.source().id());
      ctx.rollBack("saving the VM's memory failed: " + e.getMessage());
      return;
    }
    // Hyper-V 2008 writes the VM's whole memory, zero pages included; the write shares the host's storage
    // path with every other transfer running at the same time (ctx.writeToStorage).
    long bytes = ctx.vm().spec().memoryBytes();
    ctx.addBytes(bytes);
    ctx.after(ctx.costs().vmPause().plus(ctx.costs().deviceStateSave()), () -> ctx.writeToStorage(bytes, () -> {
      ctx.transition(VmState.SAVED, "saved state committed (generation " + saved.generation() + ")");
      ctx.phase("release-storage");
      ctx.releaseStorage();
      // The handover's time less the arbitration, which acquireStorage takes itself.
      Duration release = ctx.costs().lunHandover().minus(ctx.costs().arbitration());
      ctx.after(release.isNegative() ? Duration.ZERO : release, () -> {
        ctx.phase("arbitrate");
        ctx.acquireStorage(won -> {
          if (won) {
            restore(ctx);
          } else {
            ctx.fail(ctx.target().id() + " lost the arbitration; the VM stays saved with its state intact");
          }
        });
      });
    }));
  }

  private static void restore(MigrationContext ctx) {
    ctx.relocateToTarget();
    ctx.phase("restore");
    ctx.transition(VmState.RESTORING, "restoring on " + ctx.target().id() + " (eager)");
    try {
      ctx.restoreState(RestoreMode.EAGER);
    } catch (UncheckedIOException e) {
      ctx.fail("saved state rejected: " + e.getMessage() + "; the cluster cold-boots the VM");
      return;
    }
    long bytes = ctx.vm().spec().memoryBytes();
    ctx.addBytes(bytes);
    ctx.after(ctx.costs().restoreSetup(), () -> ctx.readFromStorage(bytes, () -> {
      ctx.phase("resume");
      ctx.transition(VmState.RUNNING, "resumed on " + ctx.target().id());
      ctx.complete("moved " + (bytes >> 20) + " MiB through the LUN");
    }));
  }
}
