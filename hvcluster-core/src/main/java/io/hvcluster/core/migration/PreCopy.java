package io.hvcluster.core.migration;

import io.hvcluster.api.GuestMemory;
import io.hvcluster.api.MemoryBacking;
import io.hvcluster.api.PageSet;
import io.hvcluster.api.RestoreMode;
import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationPass;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * One live migration in progress: its passes, its throttle and its end. Lives only inside
 * {@link LiveMigration#start}, so the strategy itself stays stateless.
 */
final class PreCopy {
  /**
   * How long the source waits for the target's acknowledgement of the switchover before it probes the
   * target instead (the VM already runs there meanwhile, so the wait is no downtime).
   */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(1);

  private final LiveMigration settings;
  private final MigrationContext ctx;
  private final ByteBuffer page = ByteBuffer.allocateDirect(GuestMemory.PAGE_SIZE);
  private final Duration latency;
  private int passes;
  private long sent;
  private double throttle;

  PreCopy(LiveMigration settings, MigrationContext ctx) {
    this.settings = settings;
    this.ctx = ctx;
    this.latency = ctx.costs().migrationLinkLatency();
  }

  void begin() {
    ctx.phase("pre-copy");
    ctx.transition(VmState.MIGRATING, "live migration to " + ctx.target().id() + ": pre-copying memory");
    GuestMemory source = ctx.sourceMemory();
    // Pass 1 sends every touched page whatever its dirty bit; only writes from now on are dirty.
    source.harvestDirty();
    send(source.touchedPages(), this::afterPass);
  }

  /**
   * Copies {@code pages} from the source's memory into the target's now (their content as of now), then
   * charges the link time and records the pass; a write meanwhile dirties its page for the next pass.
   */
  private void send(PageSet pages, LongConsumer then) {
    if (!ctx.migrationLinkUp()) {
      linkLost();
      return;
    }
    long start = ctx.nowNanos();
    long count = copy(pages);
    long bytes = count * GuestMemory.PAGE_SIZE;
    ctx.sendToTarget(bytes, () -> ctx.after(latency, () -> {
      if (!ctx.migrationLinkUp()) {
        // How much of the pass arrived is unknown; an interrupted pass is not a pass.
        linkLost();
        return;
      }
      ctx.addBytes(bytes);
      sent += bytes;
      ctx.recordPass(new MigrationPass(++passes, count, bytes, ctx.nowNanos() - start));
      then.accept(bytes);
    }));
  }

  private long copy(PageSet pages) {
    GuestMemory from = ctx.sourceMemory();
    GuestMemory to = ctx.targetMemory();
    // Modeled memory reads as zeros by definition: skip the read, which would only clear the buffer, so a
    // fleet-scale run pays for page accounting alone.
    boolean modeled = from.backing() == MemoryBacking.MODELED;
    long count = 0;
    for (long p = pages.nextPage(0); p >= 0; p = pages.nextPage(p + 1)) {
      if (modeled) {
        page.clear();
      } else {
        from.readPage(p, page.clear());
        page.flip();
      }
      to.writePage(p, page);
      count++;
    }
    return count;
  }

  /** Decides after a pre-copy pass: stop and copy, send another pass, or give up on converging. */
  private void afterPass(long sentBytes) {
    GuestMemory source = ctx.sourceMemory();
    long dirtyBytes = source.dirtyPageCount() * GuestMemory.PAGE_SIZE;
    if (blackout(dirtyBytes).compareTo(settings.downtimeLimit()) <= 0) {
      stopAndCopy();
      return;
    }
    if (passes + 1 >= settings.maxPasses()) {
      notConverging(dirtyBytes);
      return;
    }
    if (settings.autoConverge() && dirtyBytes > settings.throttleTrigger() * sentBytes) {
      throttle = throttle == 0 ? settings.throttleInitial()
          : Math.min(settings.throttleMax(), throttle + settings.throttleIncrement());
      ctx.throttleGuest(throttle);
    }
    send(source.harvestDirty(), this::afterPass);
  }

  private Duration blackout(long bytes) {
    return ctx.costs().linkTransfer(bytes).plus(latency);
  }

  private void stopAndCopy() {
    ctx.phase("stop-and-copy");
    ctx.freeze();
    if (throttle > 0) {
      // The frozen guest writes nothing; the one that resumes on the target runs at full speed.
      throttle = 0;
      ctx.throttleGuest(0);
    }
    send(ctx.sourceMemory().harvestDirty(), bytes -> QuickSteps.handOverStorage(ctx, won -> {
      if (!won) {
        ctx.fail(ctx.target().id() + " lost the arbitration for the VM's LUNs during the blackout");
        return;
      }
      switchover();
    }));
  }

  private void switchover() {
    ctx.phase("switchover");
    // The copy's writes are no guest writes: the target's dirty log starts clean.
    ctx.targetMemory().harvestDirty();
    ctx.switchover();
    String done = String.format(Locale.ROOT, "switched over after %d passes, %.1f MiB over the link", passes,
        sent / (double) (1 << 20));
    Duration roundTrip = latency.multipliedBy(2);
    if (!ctx.acknowledgementLost()) {
      ctx.after(roundTrip, () -> ctx.complete(done));
      return;
    }
    // The source never heard that the target resumed. It must not resume its own copy: it waits out the
    // acknowledgement, then asks the target, which answers that the VM runs there.
    ctx.after(ACK_TIMEOUT, () -> {
      ctx.phase("probe-target");
      ctx.after(roundTrip, () -> ctx.complete(done));
    });
  }

  private void notConverging(long dirtyBytes) {
    String why = String.format(Locale.ROOT, "live migration did not converge: after %d passes %.1f MiB are still"
        + " dirty, %d ms at link speed, over the %d ms downtime limit", passes, dirtyBytes / (double) (1 << 20),
        blackout(dirtyBytes).toMillis(), settings.downtimeLimit().toMillis());
    if (throttle > 0) {
      throttle = 0;
      ctx.throttleGuest(0);
    }
    if (settings.fallback() == LiveMigration.Fallback.FAIL) {
      ctx.rollBack(why + "; the VM keeps running on " + ctx.source().id());
      return;
    }
    ctx.markFellBackToQuick();
    QuickSteps.saveAndMove(ctx, RestoreMode.LAZY, why + "; falling back to quick migration",
        "fell back to quick migration after " + passes + " pre-copy passes that did not converge; ");
  }

  private void linkLost() {
    ctx.rollBack("the migration link between " + ctx.source().id() + " and " + ctx.target().id()
        + " is down; the VM keeps running on " + ctx.source().id());
  }
}
