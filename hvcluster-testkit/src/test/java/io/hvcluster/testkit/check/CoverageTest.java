package io.hvcluster.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CoverageTest {
  @Test
  void probesCountEvaluationsAndHits() {
    Coverage c = new Coverage();
    assertThat(c.sometimes("b", false)).isFalse();
    c.sometimes("b", true);
    c.reachable("a");
    assertThat(c.hits("b")).isEqualTo(1);
    assertThat(c.evaluations("b")).isEqualTo(2);
    assertThat(c.summary()).isEqualTo("coverage:\n  hit  a: 1 of 1\n  hit  b: 1 of 2");
  }

  @Test
  void requiringAProbeThatWasNeverHitFails() {
    Coverage c = new Coverage();
    c.sometimes("rare", false);
    assertThat(c.missing(List.of("rare", "unknown", "rare"))).containsExactly("rare", "unknown");
    assertThatThrownBy(() -> c.require(List.of("rare"))).hasMessageContaining("never hit: [rare]")
        .hasMessageContaining("MISS rare: 0 of 1");
  }

  @Test
  void coveragesMerge() {
    Coverage a = new Coverage();
    Coverage b = new Coverage();
    a.reachable("x");
    b.reachable("x");
    b.sometimes("y", false);
    a.addAll(b);
    assertThat(a.hits("x")).isEqualTo(2);
    assertThat(a.evaluations("y")).isEqualTo(1);
  }
}
