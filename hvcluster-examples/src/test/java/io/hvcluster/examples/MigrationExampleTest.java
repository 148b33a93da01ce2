package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.migration.MigrationOutcome;
import io.hvcluster.api.migration.MigrationPhase;
import io.hvcluster.api.migration.MigrationResult;
import io.hvcluster.core.migration.QuickMigration;
import org.junit.jupiter.api.Test;

final class MigrationExampleTest {
  @Test
  void theCustomStrategyMovesTheVmAsTheBuiltInQuickMigrationDoesPhaseForPhase() {
    MigrationResult builtIn = MigrationExample.move(QuickMigration.eager(), "node2");
    MigrationResult custom = MigrationExample.move(new CheckedQuickMigration(MigrationExample.HEADROOM), "node2");
    assertThat(custom.outcome()).isEqualTo(MigrationOutcome.COMPLETED);
    assertThat(custom.strategy()).isEqualTo("checked-quick");
    assertThat(custom.downtimeNanos()).isEqualTo(builtIn.downtimeNanos()).isGreaterThan(10_000_000_000L);
    assertThat(custom.bytesTransferred()).isEqualTo(builtIn.bytesTransferred());
    assertThat(custom.phases().stream().map(MigrationPhase::name).toList())
        .isEqualTo(builtIn.phases().stream().map(MigrationPhase::name).toList())
        .containsExactly("save", "release-storage", "arbitrate", "restore", "resume");
  }

  @Test
  void thePreflightCheckRefusesATargetWithoutHeadroomBeforeTouchingTheVm() throws Exception {
    MigrationResult refused = MigrationExample.move(new CheckedQuickMigration(MigrationExample.HEADROOM), "node3");
    assertThat(refused.outcome()).isEqualTo(MigrationOutcome.ROLLED_BACK);
    assertThat(refused.downtimeNanos()).isZero();
    assertThat(refused.phases()).isEmpty();
    assertThat(refused.reason())
        .isEqualTo("pre-flight: node3 would keep 2048 MiB free, less than the 4096 MiB headroom");
    // Without a headroom the same move is allowed.
    assertThat(MigrationExample.move(new CheckedQuickMigration(0), "node3").outcome())
        .isEqualTo(MigrationOutcome.COMPLETED);
    assertThatThrownBy(() -> new CheckedQuickMigration(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Mains.stdout(() -> MigrationExample.main(new String[0])).lines())
        .hasSize(3).last().asString().startsWith("checked-quick to node3: ROLLED_BACK, downtime 0 ms");
  }
}
