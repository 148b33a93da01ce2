package io.hvcluster.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.api.MigrationHandle;
import io.hvcluster.api.VmId;
import io.hvcluster.api.VmState;
import io.hvcluster.api.event.MigrationFinished;
import io.hvcluster.api.migration.MigrationContext;
import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.api.migration.MigrationStrategy;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The edges of the migration SPI: a strategy that never ends its migration is stopped at its time
 * limit, with a reason that says so; an exception that escapes a step ends the migration as
 * {@link MigrationContext#fail} does, the outcome saying where the VM is.
 */
final class MigrationSpiTest {
  private static final VmId VM = VmId.of("vm1");

  /** A strategy of a given time limit whose start does {@code body}. */
  private static MigrationStrategy strategy(Duration limit, Consumer<MigrationContext> body) {
    return new MigrationStrategy() {
      @Override
      public String name() {
        return "under-test";
      }

      @Override
      public void start(MigrationContext context) {
        body.accept(context);
      }

      @Override
      public Duration timeLimit() {
        return limit;
      }
    };
  }

  private record Setup(Simulation sim, Cluster cluster, EventLog log, HostId source, HostId target) {}

  private static Setup running(long seed) {
    Simulation sim = Simulation.builder().seed(seed).build();
    EventLog log = EventLog.on(sim);
    Cluster c = sim.createCluster(TestSpecs.fourNodes());
    c.form();
    c.startAllVms();
    sim.runFor(Duration.ofMinutes(3));
    HostId source = c.vm(VM).host().orElseThrow();
    HostId target = c.hosts().stream().map(h -> h.id()).filter(id -> !id.equals(source)).findFirst().orElseThrow();
    return new Setup(sim, c, log, source, target);
  }

  private static MigrationResult finished(Setup s, MigrationHandle handle) {
    assertThat(handle.isDone()).as("the handle is closed").isTrue();
    assertThat(s.log().of(MigrationFinished.class)).hasSize(1);
    return handle.result().orElseThrow();
  }

  @Test
  void aStrategyThatNeverEndsIsStoppedAtTheDefaultLimitOf24Hours() {
    Setup s = running(181);
    try (Simulation sim = s.sim()) {
      MigrationStrategy idle = new MigrationStrategy() {
        @Override
        public String name() {
          return "idle";
        }

        @Override
        public void start(MigrationContext context) {
          context.phase("waiting forever");
        }
      };
      assertThat(idle.timeLimit()).isEqualTo(Duration.ofHours(24));
      MigrationHandle handle = s.cluster().migrate(VM, s.target(), idle);
      sim.runFor(Duration.ofHours(23).plusMinutes(59));
      assertThat(handle.isDone()).isFalse();
      sim.runFor(Duration.ofMinutes(2));
      MigrationResult result = finished(s, handle);
      assertThat(result.outcome()).isEqualTo(MigrationOutcome.ROLLED_BACK);
      assertThat(result.reason()).contains("idle did not end the migration within 24h of virtual time");
      assertThat(s.cluster().vm(VM).state()).isEqualTo(VmState.RUNNING);
      assertThat(s.cluster().vm(VM).host()).contains(s.source());
    }
  }

  @Test
  void aStrategysOwnTimeLimitStopsItsMigrationAndItsAbortHandlersRun() {
    Setup s = running(182);
    try (Simulation sim = s.sim()) {
      boolean[] aborted = {false};
      MigrationHandle handle = s.cluster().migrate(VM, s.target(), strategy(Duration.ofMinutes(5),
          ctx -> ctx.onAbort(why -> aborted[0] = true)));
      sim.runFor(Duration.ofMinutes(6));
      MigrationResult result = finished(s, handle);
      assertThat(aborted[0]).isTrue();
      assertThat(result.reason()).contains("within 5m of virtual time");
      assertThat(result.endNanos() - result.startNanos()).isEqualTo(Duration.ofMinutes(5).toNanos());
    }
  }

  @Test
  void anExceptionWhileTheVmStillRunsOnTheSourceRollsTheMigrationBackNamingTheException() {
    Setup s = running(183);
    try (Simulation sim = s.sim()) {
      MigrationHandle handle = s.cluster().migrate(VM, s.target(), strategy(Duration.ofHours(1), ctx -> {
        throw new IllegalStateException("boom");
      }));
      sim.runFor(Duration.ofSeconds(1));
      MigrationResult result = finished(s, handle);
      assertThat(result.outcome()).isEqualTo(MigrationOutcome.ROLLED_BACK);
      assertThat(result.reason()).isEqualTo("under-test failed: IllegalStateException: boom");
      assertThat(s.cluster().vm(VM).host()).contains(s.source());
    }
  }

  @Test
  void anExceptionAfterTheSourceGaveUpTheVmFailsTheMigrationAndTheClusterRestartsTheVm() {
    Setup s = running(184);
    try (Simulation sim = s.sim()) {
      MigrationHandle handle = s.cluster().migrate(VM, s.target(), strategy(Duration.ofHours(1), ctx -> {
        ctx.transition(VmState.STOPPING, "stopping to move");
        ctx.after(Duration.ofSeconds(10), () -> {
          ctx.transition(VmState.OFF, "stopped to move");
          ctx.releaseStorage();
          ctx.after(Duration.ofSeconds(1), () -> {
            throw new UnsupportedOperationException();
          });
        });
      }));
      sim.runFor(Duration.ofSeconds(20));
      MigrationResult result = finished(s, handle);
      assertThat(result.outcome()).isEqualTo(MigrationOutcome.FAILED);
      assertThat(result.reason()).isEqualTo("under-test failed: UnsupportedOperationException");
      sim.runFor(Duration.ofMinutes(5));
      assertThat(s.cluster().vm(VM).state()).as("restarted by the failover engine").isEqualTo(VmState.RUNNING);
    }
  }

  @Test
  void aTimeLimitThatIsNotPositiveFailsTheMigrationAtOnce() {
    Setup s = running(185);
    try (Simulation sim = s.sim()) {
      MigrationHandle handle = s.cluster().migrate(VM, s.target(), strategy(Duration.ZERO, ctx -> {
        throw new AssertionError("must not start");
      }));
      sim.runFor(Duration.ofSeconds(1));
      MigrationResult result = finished(s, handle);
      assertThat(result.reason()).isEqualTo("under-test failed: its timeLimit() is PT0S; it must be a positive duration");
      assertThat(s.cluster().vm(VM).host()).contains(s.source());
    }
  }
}
