package io.hvcluster.api.migration;

/**
 * Moves a running VM from one node to another. The cluster calls {@link #start} once per migration
 * with a fresh context; the strategy then advances through the context in virtual time (it must not
 * block or use threads) and ends the migration exactly once with
 * {@link MigrationContext#complete}, {@link MigrationContext#rollBack} or {@link MigrationContext#fail}.
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
 */
public interface MigrationStrategy {
  /**
   * Returns the strategy's name, used in events and results.
   *
   * @return a short name such as {@code "quick"}
   */
  String name();

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
}
