package io.hvcluster.core.migration;

import io.hvcluster.api.LunId;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.SavedStateInfo;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationContext;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The steps of Quick Migration, shared by {@link QuickMigration} and by {@link LiveMigration} when it
 * falls back: save the paused VM through its LUN, hand the LUN over, restore and resume on the target.
 * Also the LUN handover alone, which a live migration performs inside its blackout.
 */
final class QuickSteps {
  private QuickSteps() {}

  /**
   * Pauses the VM (from {@link VmState#RUNNING} or {@link VmState#MIGRATING}), saves its memory, hands
   * its LUNs to the target, restores and resumes it there, and ends the migration. {@code why} explains
   * the pause; {@code history} (empty or ending in a space) comes before the account of the completion.
   */
  static void saveAndMove(MigrationContext ctx, RestoreMode restore, String why, String history) {
    ctx.phase("save");
    ctx.transition(VmState.SAVING, why + ": paused, saving memory");
    SavedStateInfo saved;
    try {
      saved = ctx.saveState();
    } catch (UncheckedIOException e) {
      ctx.transition(VmState.RUNNING, "save failed; resumed on " + ctx.source().id());
      ctx.rollBack("saving the VM's memory failed: " + e.getMessage());
      return;
    }
    // Hyper-V 2008 writes the VM's whole memory to the saved state, zero pages included (the .bin file
    // is as large as the memory): the modelled time follows the configured memory, whatever the real
    // bytes path stores.
    long savedBytes = ctx.vm().spec().memoryBytes();
    ctx.addBytes(savedBytes);
    ctx.after(ctx.costs().vmPause().plus(ctx.costs().deviceStateSave()), () -> ctx.writeToStorage(savedBytes, () -> {
      ctx.transition(VmState.SAVED, "saved state committed (generation " + saved.generation() + ", "
          + savedBytes / (1 << 20) + " MiB)");
      handOverStorage(ctx, won -> {
        if (!won) {
          ctx.fail(ctx.target().id() + " lost the arbitration for the VM's LUNs; the VM stays saved with its state intact");
          return;
        }
        restore(ctx, restore, history);
      });
    }));
  }

  /**
   * Releases the VM's LUNs on the source, waits for the dismount (the cost model's handover time less
   * its arbitration time), and has the target arbitrate for them; {@code then} receives whether it won.
   * The VM must not execute meanwhile. A VM only on Cluster Shared Volumes has nothing to hand over: every
   * node has them mounted, so {@code then} receives true at once, with no phase and no time spent.
   */
  static void handOverStorage(MigrationContext ctx, Consumer<Boolean> then) {
    if (!usesOrdinaryLuns(ctx)) {
      then.accept(true);
      return;
    }
    ctx.phase("release-storage");
    ctx.releaseStorage();
    Duration release = ctx.costs().lunHandover().minus(ctx.costs().arbitration());
    ctx.after(release.isNegative() ? Duration.ZERO : release, () -> {
      ctx.phase("arbitrate");
      ctx.acquireStorage(then);
    });
  }

  /** Whether the VM has LUNs that change hands (Cluster Shared Volumes stay with every node). */
  static boolean usesOrdinaryLuns(MigrationContext ctx) {
    for (LunId id : ctx.vm().spec().luns()) {
      if (!ctx.storage().lun(id).isClusterSharedVolume()) {
        return true;
      }
    }
    return false;
  }

  private static void restore(MigrationContext ctx, RestoreMode restore, String history) {
    ctx.relocateToTarget();
    ctx.phase("restore");
    ctx.transition(VmState.RESTORING, "restoring on " + ctx.target().id() + " (" + restore.name().toLowerCase(
        Locale.ROOT) + ")");
    SavedStateInfo restored;
    try {
      restored = ctx.restoreState(restore);
    } catch (UncheckedIOException e) {
      ctx.fail("saved state rejected: " + e.getMessage() + "; the cluster cold-boots the VM");
      return;
    }
    // The whole saved memory is read back before the VM resumes.
    long bytes = ctx.vm().spec().memoryBytes();
    ctx.addBytes(bytes);
    ctx.after(ctx.costs().restoreSetup(), () -> ctx.readFromStorage(bytes, () -> {
      ctx.phase("resume");
      ctx.transition(VmState.RUNNING, "resumed on " + ctx.target().id());
      ctx.complete(history + "moved " + bytes / (1 << 20) + " MiB through the LUN");
    }));
  }
}
