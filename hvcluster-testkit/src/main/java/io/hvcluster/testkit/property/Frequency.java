package io.hvcluster.testkit.property;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Weighted choice between generators; values shrink toward earlier choices, then within their own. */
final class Frequency {
  private Frequency() {}

  static <T> Gen<T> of(List<Gen.Weighted<T>> choices) {
    List<Gen.Weighted<T>> copy = List.copyOf(choices);
    long total = copy.stream().mapToLong(Gen.Weighted::weight).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("frequency() needs at least one choice with a positive weight");
    }
    return random -> {
      long ticket = random.nextLong(total);
      int index = 0;
      while (ticket >= copy.get(index).weight()) {
        ticket -= copy.get(index).weight();
        index++;
      }
      long seed = random.nextLong();
      return pick(copy, index, seed);
    };
  }

  private static <T> Shrinkable<T> pick(List<Gen.Weighted<T>> choices, int index, long seed) {
    Shrinkable<T> chosen = generate(choices.get(index), seed);
    return Shrinkable.of(chosen.value(), () -> Stream.concat(
        IntStream.range(0, index).filter(i -> choices.get(i).weight() > 0).mapToObj(i -> pick(choices, i, seed)),
        chosen.shrinks()));
  }

  private static <T> Shrinkable<T> generate(Gen.Weighted<T> choice, long seed) {
    return choice.gen().generate(new SplittableRandom(seed)).<T>map(v -> v);
  }
}
