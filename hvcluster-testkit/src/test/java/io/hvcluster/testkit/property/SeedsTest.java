package io.hvcluster.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SeedsTest {
  @Test
  void formattedSeedsParseBack() {
    for (long seed : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x1234ABCDL}) {
      assertThat(Seeds.parse(Seeds.format(seed))).isEqualTo(seed);
      assertThat(Seeds.parse(Seeds.literal(seed))).isEqualTo(seed);
    }
    assertThat(Seeds.parse("42")).isEqualTo(42);
    assertThat(Seeds.parse("-42")).isEqualTo(-42);
  }

  @Test
  void badSeedsAreRejectedWithAMessage() {
    assertThatThrownBy(() -> Seeds.parse("0x")).hasMessageContaining("not a seed");
    assertThatThrownBy(() -> Seeds.parse("0x12345678901234567")).hasMessageContaining("at most 16");
    assertThatThrownBy(() -> Seeds.parse("banana")).hasMessageContaining("not a seed");
  }

  @Test
  void tryZeroUsesTheRunSeedAndLaterTriesDiffer() {
    assertThat(Seeds.forTry(77, 0)).isEqualTo(77);
    assertThat(Seeds.forTry(77, 1)).isNotEqualTo(Seeds.forTry(77, 2)).isNotEqualTo(77);
  }

  @Test
  void derivedSeedsDependOnNameAndBase() {
    assertThat(Seeds.derive(0, "A#b")).isEqualTo(Seeds.derive(0, "A#b")).isNotEqualTo(Seeds.derive(0, "A#c"))
        .isNotEqualTo(Seeds.derive(1, "A#b"));
  }
}
