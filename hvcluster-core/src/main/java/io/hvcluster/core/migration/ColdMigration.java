package io.hvcluster.core.migration;

import io.hvcluster.api.VmState;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationStrategy;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Moves a VM by shutting its guest down, handing its LUNs to the target and booting it there. It keeps
 * nothing of the guest's memory; the downtime is a shutdown plus a handover plus a full boot.
 *
 * <p>Thread-safe and stateless; one instance may run any number of migrations.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ColdMigration implements MigrationStrategy {
  private static final ColdMigration INSTANCE = new ColdMigration();

  private ColdMigration() {}

  /**
   * Returns the strategy.
   *
   * @return the shared instance
   */
  public static ColdMigration instance() {
    return INSTANCE;
  }

  @Override
  public String name() {
    return "cold";
  }

  @Override
  public void start(MigrationContext ctx) {
    ctx.phase("shutdown");
    ctx.transition(VmState.STOPPING, "cold migration to " + ctx.target().id());
    long seconds = Math.max(5, ctx.vm().spec().guestOs().nominalBootSeconds() / 3);
    ctx.after(Duration.ofSeconds(seconds), () -> {
      ctx.transition(VmState.OFF, "guest shut down for cold migration");
      ctx.phase("move-storage");
      ctx.releaseStorage();
      ctx.acquireStorage(won -> {
        if (!won) {
          ctx.fail(ctx.target().id() + " lost the arbitration for the VM's LUNs");
          return;
        }
        ctx.relocateToTarget();
        ctx.phase("boot");
        ctx.boot(() -> ctx.complete("booted on " + ctx.target().id()));
      });
    });
  }
}
