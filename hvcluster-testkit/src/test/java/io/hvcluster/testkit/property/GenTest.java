package io.hvcluster.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class GenTest {
  private static <T> List<T> samples(Gen<T> gen, long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, count).mapToObj(i -> gen.sample(random)).collect(Collectors.toList());
  }

  @Test
  void sameSeedGivesSameValues() {
    Gen<List<Integer>> gen = Gen.lists(Gen.integers(-50, 50), 0, 8).flatMap(l -> Gen.constant(l));
    assertThat(samples(gen, 7, 50)).isEqualTo(samples(gen, 7, 50));
    assertThat(samples(gen, 7, 50)).isNotEqualTo(samples(gen, 8, 50));
  }

  @Test
  void integersStayInRangeAndShrinkTowardZero() {
    Gen<Integer> gen = Gen.integers(-10, 10);
    assertThat(samples(gen, 1, 500)).allMatch(i -> i >= -10 && i <= 10);
    Shrinkable<Integer> s = Gen.integers(5, 100).generate(new SplittableRandom(3));
    assertThat(s.shrinks().findFirst().map(Shrinkable::value)).contains(5);
  }

  @Test
  void longsCoverTheFullRangeWithoutOverflow() {
    assertThat(samples(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 5, 10)).hasSize(10);
    assertThat(samples(Gen.longs(Long.MAX_VALUE - 1, Long.MAX_VALUE), 5, 50))
        .allMatch(v -> v >= Long.MAX_VALUE - 1);
    assertThat(Shrinks.towards(Long.MAX_VALUE, Long.MIN_VALUE).findFirst()).hasValue(Long.MIN_VALUE);
  }

  @Test
  void emptyRangesAreRejectedWithAMessage() {
    assertThatThrownBy(() -> Gen.integers(3, 2)).hasMessageContaining("[3, 2] is empty");
    assertThatThrownBy(() -> Gen.lists(Gen.booleans(), 3, 1)).hasMessageContaining("invalid");
  }

  @Test
  void durationsAreWholeUnitsAboveTheMinimum() {
    Gen<Duration> gen = Gen.durations(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(500));
    assertThat(samples(gen, 2, 200)).allMatch(d -> d.toMillis() % 500 == 0 && d.toMillis() >= 1000 && d.toMillis() <= 10_000);
  }

  @Test
  void frequencyNeverPicksAZeroWeight() {
    Gen<String> gen = Gen.frequency(List.of(Gen.weighted(0, Gen.constant("never")), Gen.weighted(3, Gen.constant("a")),
        Gen.weighted(1, Gen.constant("b"))));
    assertThat(samples(gen, 4, 300)).doesNotContain("never").contains("a", "b");
  }

  @Test
  void chooseShrinksTowardEarlierAlternatives() {
    Gen<String> gen = Gen.choose(Gen.constant("first"), Gen.constant("second"));
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20; i++) {
      Shrinkable<String> s = gen.generate(random);
      if (s.value().equals("second")) {
        assertThat(s.shrinks().map(Shrinkable::value)).containsExactly("first");
        return;
      }
    }
    throw new AssertionError("never chose the second alternative in 20 draws");
  }

  @Test
  void listsShrinkByRemovingChunksFirst() {
    Shrinkable<List<Integer>> s = Shrinks.listOf(List.of(Shrinkable.of(1), Shrinkable.of(2), Shrinkable.of(3),
        Shrinkable.of(4)), 1);
    List<List<Integer>> candidates = s.shrinks().map(Shrinkable::value).collect(Collectors.toList());
    assertThat(candidates.get(0)).containsExactly(4);
    assertThat(candidates).allMatch(l -> !l.isEmpty());
  }

  @Test
  void subsetsKeepOrderAndMinimum() {
    Gen<List<String>> gen = Gen.subsets(List.of("a", "b", "c", "d"), 2);
    assertThat(samples(gen, 9, 200)).allSatisfy(l -> {
      assertThat(l).hasSizeGreaterThanOrEqualTo(2);
      assertThat(l).isSorted();
    });
  }

  @Test
  void filterGivesUpWithAClearMessage() {
    Gen<Integer> impossible = Gen.integers(0, 10).filter(i -> i > 10);
    assertThatThrownBy(() -> impossible.sample(new SplittableRandom(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("filter rejected");
  }

  @Test
  void flatMapShrinksOuterThenInnerDeterministically() {
    Gen<List<Integer>> gen = Gen.integers(1, 5).flatMap(n -> Gen.lists(Gen.integers(0, 9), n, n));
    Shrinkable<List<Integer>> a = gen.generate(new SplittableRandom(21));
    Shrinkable<List<Integer>> b = gen.generate(new SplittableRandom(21));
    assertThat(a.shrinks().map(Shrinkable::value).collect(Collectors.toList()))
        .isEqualTo(b.shrinks().map(Shrinkable::value).collect(Collectors.toList()));
  }
}
