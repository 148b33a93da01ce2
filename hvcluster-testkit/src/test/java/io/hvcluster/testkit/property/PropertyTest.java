package io.hvcluster.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

final class PropertyTest {
  @Test
  void passingPropertyRunsEveryTry() {
    List<Long> seeds = new ArrayList<>();
    PropertyResult<Integer> result = Property.forAll(Gen.integers(0, 10)).seed(5).tries(25)
        .check((v, info) -> seeds.add(info.seed()));
    assertThat(result.passed()).isTrue();
    assertThat(result.tries()).isEqualTo(25);
    assertThat(seeds).hasSize(25).doesNotHaveDuplicates().first().isEqualTo(5L);
  }

  @Test
  void failingIntegerShrinksToTheBoundary() {
    PropertyResult<Integer> result = Property.forAll(Gen.integers(0, 1_000_000)).seed(1).tries(100)
        .holds(v -> v < 1000);
    assertThat(result.status()).isEqualTo(PropertyResult.Status.FAILED);
    assertThat(result.counterexample().orElseThrow().shrunk()).isEqualTo(1000);
    assertThat(result.report()).contains("seed 0x0000000000000001", "replay: ", "1000");
  }

  @Test
  void failingListShrinksToASingleMinimalElement() {
    PropertyResult<List<Integer>> result = Property.forAll(Gen.lists(Gen.integers(0, 100), 0, 20)).seed(3)
        .holds(l -> l.stream().noneMatch(i -> i >= 50));
    assertThat(result.counterexample().orElseThrow().shrunk()).containsExactly(50);
  }

  @Test
  void replayingTheFailingTrySeedReproducesTheSameCounterexample() {
    Property<List<Integer>> property = Property.forAll(Gen.lists(Gen.integers(0, 100), 0, 20)).seed(99);
    PropertyResult<List<Integer>> first = property.holds(l -> l.size() < 7);
    Counterexample<List<Integer>> c = first.counterexample().orElseThrow();
    PropertyResult<List<Integer>> replay = property.seed(c.failingTry().seed()).tries(1).holds(l -> l.size() < 7);
    assertThat(replay.counterexample().orElseThrow().original()).isEqualTo(c.original());
    assertThat(replay.counterexample().orElseThrow().shrunk()).isEqualTo(c.shrunk());
  }

  @Test
  void replayingTheShrinkPathRunsTheShrunkValueAloneWithoutShrinkingAgain() {
    Property<List<Integer>> property = Property.forAll(Gen.lists(Gen.integers(0, 100), 0, 20)).seed(99);
    PropertyResult<List<Integer>> first = property.holds(l -> l.size() < 7);
    Counterexample<List<Integer>> c = first.counterexample().orElseThrow();
    assertThat(c.shrinkPath().steps()).hasSize(c.shrinkSteps());
    assertThat(first.replayLine()).contains(".replaying(ShrinkPath.parse(\"" + c.shrinkPath() + "\"))");
    List<List<Integer>> seen = new ArrayList<>();
    PropertyResult<List<Integer>> replay = property.seed(c.failingTry().seed())
        .replaying(ShrinkPath.parse(c.shrinkPath().toString())).check((l, info) -> {
          seen.add(l);
          assertThat(l.size()).isLessThan(7);
        });
    assertThat(seen).containsExactly(c.shrunk());
    assertThat(replay.counterexample().orElseThrow().shrunk()).isEqualTo(c.shrunk());
    assertThat(replay.report()).contains("replayed along its shrink path " + c.shrinkPath());
  }

  @Test
  void aShrinkPathTheGeneratorsNoLongerHaveFailsClearly() {
    Property<Integer> property = Property.forAll(Gen.integers(0, 10)).seed(1).replaying(ShrinkPath.parse("0^50"));
    assertThatThrownBy(() -> property.holds(v -> true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the generators changed since the path was printed");
  }

  @Test
  void aShrinkPathReadsBackWhatItWrites() {
    ShrinkPath path = new ShrinkPath(List.of(0, 0, 0, 0, 1, 2, 2, 3));
    assertThat(path.toString()).isEqualTo("0^4.1.2.2.3");
    assertThat(ShrinkPath.parse(path.toString())).isEqualTo(path);
    assertThat(ShrinkPath.parse("")).isEqualTo(ShrinkPath.NONE);
    assertThatThrownBy(() -> ShrinkPath.parse("1.x")).hasMessageContaining("\"0^12.3\"");
    assertThatThrownBy(() -> ShrinkPath.parse("1^0")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shrinkingStopsAtTheAttemptLimit() {
    PropertyResult<Integer> result = Property.forAll(Gen.integers(0, 1_000_000)).seed(1).maxShrinkAttempts(3)
        .holds(v -> v < 1000);
    Counterexample<Integer> c = result.counterexample().orElseThrow();
    assertThat(c.shrinkAttempts()).isEqualTo(3);
    assertThat(c.shrinkLimitReached()).isTrue();
  }

  @Test
  void assumptionsDiscardTries() {
    PropertyResult<Integer> result = Property.forAll(Gen.integers(0, 9)).seed(2).tries(20).check((v, info) -> {
      Assumptions.assumeTrue(v % 2 == 0);
    });
    assertThat(result.passed()).isTrue();
    assertThat(result.discarded()).isPositive();
  }

  @Test
  void assertPassedThrowsTheReportWithTheShrunkErrorAsCause() {
    PropertyResult<Integer> result = Property.forAll(Gen.integers(0, 100)).named("small").seed(4).check((v, info) -> {
      if (v > 10) {
        throw new IllegalStateException("too big: " + v);
      }
    });
    assertThatThrownBy(result::assertPassed).isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("Property 'small' failed").hasMessageContaining("replay: ")
        .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("too big: 11");
  }
}
