package io.hvcluster.api.migration;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Moves a running VM from one node to another. The cluster calls {@link #start} once per migration
 * with a fresh context; the strategy then advances through the context in virtual time (it must not
 * block or use threads) and ends the migration exactly once with
 * {@link MigrationContext#complete}, {@link MigrationContext#rollBack} or {@link MigrationContext#fail}.
 * A strategy that has not ended its migration after {@link #timeLimit()} of virtual time is stopped by
 * the cluster: the migration is aborted (its abort handlers run), the VM is settled as after a failure,
 * and the result's reason says that the time limit ran out; the migration's handle never stays open.
 *
 * <p>The cluster validates every action a strategy takes against its state machines and safety rules
 * (a VM runs on at most one node; only the owner of a LUN runs a VM on it), so a faulty strategy fails
 * its migration instead of corrupting the cluster. If a node or link fails during the migration, the
 * cluster aborts it, calls the strategy's abort handlers and resolves the VM itself.
 *
 * <p>Implementations should be stateless or keep per-migration state inside {@code start}; one strategy
 * instance may run several migrations at once. Example, a cold migration:
 *
 * <pre>{@code
 * MigrationStrategy cold = new MigrationStrategy() {
 *   public String name() { return "cold"; }
 *   public void start(MigrationContext ctx) {
 *     ctx.phase("shutdown");
 *     ctx.transition(VmState.STOPPING, "cold migration");
 *     ctx.after(Duration.ofSeconds(20), () -> {
 *       ctx.transition(VmState.OFF, "shut down for cold migration");
 *       ctx.phase("move-storage");
 *       ctx.releaseStorage();
 *       ctx.acquireStorage(won -> {
 *         if (!won) { ctx.fail("target lost arbitration"); return; }
 *         ctx.relocateToTarget();
 *         ctx.phase("boot");
 *         ctx.boot(() -> ctx.complete("booted on " + ctx.target().id()));
 *       });
 *     });
 *   }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface MigrationStrategy {
  /**
   * Returns the strategy's name, used in events and results.
   *
   * @return a short name such as {@code "quick"}
   */
  String name();

  /**
   * Returns the Windows Server release that brought this way of moving a VM: a cluster of an earlier era
   * refuses the migration, naming that release. Quick Migration and cold migration work in every era
   * ({@link io.hvcluster.api.spec.Era#WS2008}, the default); Live Migration needs
   * {@link io.hvcluster.api.spec.Era#WS2008_R2}.
   *
   * @return the earliest era that has this strategy
   */
  default io.hvcluster.api.spec.Era introducedIn() {
    return io.hvcluster.api.spec.Era.WS2008;
  }

  /**
   * Begins one migration. Returns promptly; the migration continues through callbacks scheduled on the
   * context.
   *
   * @param context the migration's context
   */
  void start(MigrationContext context);

  /**
   * Whether a source host runs at most one migration of this strategy at a time, the others waiting in
   * the order they were asked for: Windows Server 2008 R2 performs one live migration at a time per host.
   * A queued migration has begun (its VM is taken, the target's memory reserved) and shows a
   * {@code "queued"} phase until its turn comes, when its strategy starts. Quick Migration and the other
   * strategies are limited only by bandwidth.
   *
   * @return true for one at a time per source host; false (the default) for no limit
   */
  default boolean oneAtATimePerSourceHost() {
    return false;
  }

  /**
   * Returns the longest one migration may take in virtual time before the cluster ends it. This is a
   * bound of the simulation, not a Windows setting: Hyper-V 2008 sets no limit on a migration, so the
   * default, 24 hours, lies far beyond any real one of the era (a 64 GiB VM quick-migrates in about 20
   * minutes over 1 Gbit/s iSCSI); it only keeps a strategy that never ends from holding its VM forever.
   * The limit is counted from the strategy's start: the time a live migration waits in its source's
   * queue ({@link #oneAtATimePerSourceHost()}) does not count.
   *
   * @return a positive duration; a migration whose strategy returns anything else fails at once
   */
  default Duration timeLimit() {
    return DEFAULT_TIME_LIMIT;
  }

  /** The default of {@link #timeLimit()}: 24 hours of virtual time. */
  Duration DEFAULT_TIME_LIMIT = Duration.ofHours(24);
}
