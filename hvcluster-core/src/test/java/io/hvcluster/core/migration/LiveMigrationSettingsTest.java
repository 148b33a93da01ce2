package io.hvcluster.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.api.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LiveMigrationSettingsTest {
  @Test
  void defaultsAreQemusDowntimeLimitAndHyperVsFivePassesWithAFallbackToQuickMigration() {
    LiveMigration live = LiveMigration.withDefaults();
    assertThat(live.name()).isEqualTo("live");
    assertThat(live.downtimeLimit()).isEqualTo(Duration.ofMillis(300));
    assertThat(live.maxPasses()).isEqualTo(5);
    assertThat(live.autoConverge()).isFalse();
    assertThat(live.throttleTrigger()).isEqualTo(0.5);
    assertThat(live.throttleInitial()).isEqualTo(0.2);
    assertThat(live.throttleIncrement()).isEqualTo(0.1);
    assertThat(live.throttleMax()).isEqualTo(0.99);
    assertThat(live.fallback()).isEqualTo(LiveMigration.Fallback.QUICK);
  }

  @Test
  void theBuilderKeepsWhatItWasGiven() {
    LiveMigration live = LiveMigration.builder().downtimeLimit(Duration.ofMillis(50)).maxPasses(12).autoConverge(true)
        .autoConvergeThrottle(0.3, 0.4, 0.2, 0.9).fallback(LiveMigration.Fallback.FAIL).build();
    assertThat(live).hasToString("live(downtime limit 50 ms, 12 passes, auto-converge 40%+20% up to 90%, fallback fail)");
    assertThat(live.throttleTrigger()).isEqualTo(0.3);
  }

  @Test
  void rejectsSettingsOutOfRangeSayingWhatIsAllowed() {
    LiveMigration.Builder b = LiveMigration.builder();
    assertThatThrownBy(() -> b.downtimeLimit(Duration.ZERO)).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("downtime limit is PT0S; it must be positive");
    assertThatThrownBy(() -> b.maxPasses(1)).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("allowed: 2 to 1000");
    assertThatThrownBy(() -> b.autoConvergeThrottle(0.5, 0.2, 0.1, 1.0)).hasMessageContaining("maximum throttle is 1.0");
    assertThatThrownBy(() -> b.autoConvergeThrottle(0.5, 0.5, 0.1, 0.4)).hasMessageContaining("initial throttle is 0.5");
    assertThatThrownBy(() -> b.autoConvergeThrottle(0.0, 0.2, 0.1, 0.99)).hasMessageContaining("throttle trigger is 0.0");
    assertThatThrownBy(() -> b.autoConvergeThrottle(0.5, 0.2, Double.NaN, 0.99)).hasMessageContaining("increment is NaN");
    assertThatThrownBy(() -> b.fallback(null)).isInstanceOf(NullPointerException.class);
    assertThat(b.build()).hasToString(LiveMigration.withDefaults().toString());
  }
}
