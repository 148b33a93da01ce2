package io.hvcluster.testkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Shrink-candidate sequences shared by the generators. */
final class Shrinks {
  private Shrinks() {}

  /**
   * Returns candidates that move {@code value} toward {@code target}: the target first, then values
   * halving the distance each time, ending next to {@code value}. Unsigned arithmetic keeps the full
   * {@code long} range safe.
   */
  static LongStream towards(long value, long target) {
    if (value == target) {
      return LongStream.empty();
    }
    boolean down = value > target;
    long distance = down ? value - target : target - value; // unsigned
    List<Long> out = new ArrayList<>();
    for (long step = distance; step != 0; step >>>= 1) {
      out.add(down ? value - step : value + step);
    }
    return out.stream().mapToLong(Long::longValue).distinct();
  }

  /** Returns the value of {@code [min, max]} closest to zero, toward which numbers shrink. */
  static long origin(long min, long max) {
    if (min > 0) {
      return min;
    }
    return Math.min(max, 0);
  }

  /**
   * Returns the list shrink candidates: remove chunks (largest first, down to single elements) while
   * the size stays at least {@code minSize}, then shrink each element in place.
   */
  static <T> Stream<Shrinkable<List<T>>> list(List<Shrinkable<T>> elements, int minSize) {
    int n = elements.size();
    Stream<Shrinkable<List<T>>> removals = IntStream.iterate(n - minSize, k -> k > 0, k -> k / 2)
        .boxed()
        .flatMap(k -> IntStream.iterate(0, start -> start + k <= n, start -> start + k)
            .mapToObj(start -> {
              List<Shrinkable<T>> rest = new ArrayList<>(elements.subList(0, start));
              rest.addAll(elements.subList(start + k, n));
              return listOf(rest, minSize);
            }));
    Stream<Shrinkable<List<T>>> elementwise = IntStream.range(0, n).boxed()
        .flatMap(i -> elements.get(i).shrinks().map(smaller -> {
          List<Shrinkable<T>> copy = new ArrayList<>(elements);
          copy.set(i, smaller);
          return listOf(copy, minSize);
        }));
    return Stream.concat(removals, elementwise);
  }

  static <T> Shrinkable<List<T>> listOf(List<Shrinkable<T>> elements, int minSize) {
    List<T> values = new ArrayList<>(elements.size());
    for (Shrinkable<T> e : elements) {
      values.add(e.value());
    }
    List<Shrinkable<T>> frozen = List.copyOf(elements);
    return Shrinkable.of(java.util.Collections.unmodifiableList(values), () -> list(frozen, minSize));
  }
}
