package io.hvcluster.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class DurationTextTest {
  @Test
  void durationsPrintCompactlyAndParseBack() {
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(DurationText.format(Duration.ofHours(2).plusNanos(7))).isEqualTo("2h7ns");
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofNanos(1), Duration.ofMillis(250), Duration.ofMinutes(61),
        Duration.ofDays(3).plusMillis(5)}) {
      assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
    }
  }

  @Test
  void isoDurationsAreAcceptedToo() {
    assertThat(DurationText.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void malformedOrNegativeDurationsAreRejected() {
    assertThatThrownBy(() -> DurationText.parse("5 seconds")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> DurationText.parse("30s1m")).hasMessageContaining("largest first");
    assertThatThrownBy(() -> DurationText.parse("PT-5S")).hasMessageContaining("negative");
    assertThatThrownBy(() -> DurationText.format(Duration.ofSeconds(-1))).hasMessageContaining("negative");
  }
}
