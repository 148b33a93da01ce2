package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DurationsTest {
  @Test
  void wordsADurationInItsLargestUnits() {
    assertThat(Durations.words(0)).isEqualTo("0.0 s");
    assertThat(Durations.words(47.46)).isEqualTo("47.5 s");
    assertThat(Durations.words(107.5)).isEqualTo("1 min 47.5 s");
    assertThat(Durations.words(3_599.97)).isEqualTo("1 h");
    assertThat(Durations.words(59.97)).isEqualTo("1 min 0.0 s");
    assertThat(Durations.words(4 * 3600)).isEqualTo("4 h");
    assertThat(Durations.words(3 * 3600 + 12 * 60 + 20)).isEqualTo("3 h 12 min");
    assertThat(Durations.words(2 * 86_400)).isEqualTo("2 d");
    assertThat(Durations.words(2 * 86_400 + 5 * 60)).isEqualTo("2 d 0 h 5 min");
    assertThat(Durations.words(2_079_551)).isEqualTo("24 d 1 h 39 min");
  }

  @Test
  void addsTheExactSecondsToALongDuration() {
    assertThat(Durations.wordsAndSeconds(2_079_551)).isEqualTo("24 d 1 h 39 min (2,079,551 s)");
    assertThat(Durations.wordsAndSeconds(518_400)).isEqualTo("6 d (518,400 s)");
    assertThat(Durations.wordsAndSeconds(90)).isEqualTo("1 min 30.0 s");
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> Durations.words(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.words(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
