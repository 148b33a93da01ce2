package io.hvcluster.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class DeterminismTest {
  @Test
  void identicalRunsAreDeterministic() {
    DeterminismReport report = Determinism.compare(() -> Trace.of("abc", List.of("a", "b")));
    assertThat(report.deterministic()).isTrue();
    assertThat(report.firstDifference()).isEqualTo(-1);
    Determinism.assertDeterministic(() -> Trace.of("abc", List.of()));
  }

  @Test
  void theFirstDifferingLineIsReported() {
    AtomicInteger run = new AtomicInteger();
    DeterminismReport report = Determinism.compare(() -> run.incrementAndGet() == 1
        ? Trace.of("h1", List.of("same", "t=5s node1 DOWN")) : Trace.of("h2", List.of("same", "t=5s node2 DOWN", "extra")));
    assertThat(report.deterministic()).isFalse();
    assertThat(report.firstDifference()).isEqualTo(1);
    assertThat(report).hasToString("NOT deterministic: run 1 hashes to h1, run 2 to h2; first difference at line 1:\n"
        + "  run 1: t=5s node1 DOWN\n  run 2: t=5s node2 DOWN");
  }

  @Test
  void aNondeterministicScenarioFailsTheAssertion() {
    AtomicInteger run = new AtomicInteger();
    assertThatThrownBy(() -> Determinism.assertDeterministic(() -> Trace.of("h" + run.incrementAndGet(), List.of())))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no trace lines to compare");
  }
}
