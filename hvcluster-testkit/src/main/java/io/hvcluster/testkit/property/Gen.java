package io.hvcluster.testkit.property;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Generates values from a random source, each with its shrink candidates. A generator is a plain
 * function of the random source: the same source state always gives the same value, so a seed is
 * all it takes to reproduce a case. Generators compose with {@link #map}, {@link #flatMap},
 * {@link #filter}, {@link #zip}, {@link #choose}, {@link #frequency} and {@link #lists}; shrinking is
 * integrated, so composed generators shrink without further work.
 *
 * <p>Implementations must be stateless and thread-safe; the built-in ones are. Use {@link #sample} to
 * drive a generator from any other property-testing engine. Example:
 *
 * <pre>{@code
 * Gen<List<Integer>> lists = Gen.lists(Gen.integers(0, 100), 0, 10);
 * List<Integer> one = lists.sample(new SplittableRandom(42));
 * }</pre>
 *
 * @param <T> the value type
 *
 * <p>It is longer than 400 lines because it is the generator API: each combinator is a short default or
 * static method with its Javadoc.
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface Gen<T> {
  /** How many values {@link #filter} draws before it gives up. */
  int FILTER_ATTEMPTS = 1000;

  /**
   * Generates a value and its shrink tree from the random source.
   *
   * @param random the random source; the generator advances it
   * @return the value with its shrink candidates
   */
  Shrinkable<T> generate(RandomGenerator random);

  /**
   * Returns a value drawn from the random source, without its shrink tree.
   *
   * @param random the random source
   * @return the value
   */
  default T sample(RandomGenerator random) {
    return generate(random).value();
  }

  /**
   * Returns a generator of {@code f} applied to this generator's values; shrinking maps along.
   *
   * @param f the mapping
   * @param <R> the new value type
   * @return the generator
   */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return random -> generate(random).map(f);
  }

  /**
   * Returns a generator whose values come from a generator chosen by this generator's value. The
   * inner generator draws from its own random stream split off the source, so shrinking the outer
   * value regenerates the inner one from the same stream; after the outer value, the inner value
   * shrinks.
   *
   * @param f chooses the inner generator
   * @param <R> the new value type
   * @return the generator
   */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
    Objects.requireNonNull(f, "f");
    return random -> {
      Shrinkable<T> outer = generate(random);
      long innerSeed = random.nextLong();
      return Binds.bind(outer, innerSeed, f);
    };
  }

  /**
   * Returns a generator of this generator's values that pass the predicate; shrink candidates that
   * fail it are dropped.
   *
   * @param predicate the condition
   * @return the generator
   * @throws IllegalStateException from {@link #generate} when {@value #FILTER_ATTEMPTS} draws in a
   *     row fail the predicate
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return random -> {
      for (int i = 0; i < FILTER_ATTEMPTS; i++) {
        Shrinkable<T> candidate = generate(random);
        if (predicate.test(candidate.value())) {
          return candidate.filter(predicate);
        }
      }
      throw new IllegalStateException("filter rejected " + FILTER_ATTEMPTS
          + " generated values in a row; generate valid values directly instead of filtering");
    };
  }

  /**
   * Returns a generator of the same values with shrink candidates from {@code shrinker} instead of the
   * built-in ones.
   *
   * @param shrinker returns the simpler candidates of a value, most aggressive first
   * @return the generator
   */
  default Gen<T> withShrinker(Function<? super T, ? extends Stream<? extends T>> shrinker) {
    Objects.requireNonNull(shrinker, "shrinker");
    return random -> Shrinkable.unfold(generate(random).value(), shrinker);
  }

  /**
   * Returns a generator of the same values that never shrinks.
   *
   * @return the generator
   */
  default Gen<T> noShrink() {
    return random -> Shrinkable.of(generate(random).value());
  }

  /**
   * Returns a generator that always gives {@code value}.
   *
   * @param value the value
   * @param <T> the value type
   * @return the generator
   */
  static <T> Gen<T> constant(T value) {
    return random -> Shrinkable.of(value);
  }

  /**
   * Returns a generator from a plain function of the random source; its values do not shrink unless
   * {@link #withShrinker} adds a shrinker.
   *
   * @param f draws a value from the random source
   * @param <T> the value type
   * @return the generator
   */
  static <T> Gen<T> of(Function<? super RandomGenerator, ? extends T> f) {
    Objects.requireNonNull(f, "f");
    return random -> Shrinkable.of(f.apply(random));
  }

  /**
   * Returns a generator of integers uniformly in {@code [min, max]}, shrinking toward the value of the
   * range closest to zero.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   * @throws IllegalArgumentException when {@code min > max}
   */
  static Gen<Integer> integers(int min, int max) {
    return longs(min, max).map(Long::intValue);
  }

  /**
   * Returns a generator of longs uniformly in {@code [min, max]}, shrinking toward the value of the
   * range closest to zero.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   * @throws IllegalArgumentException when {@code min > max}
   */
  static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty; min must not exceed max");
    }
    long origin = Shrinks.origin(min, max);
    return random -> {
      long value;
      if (max < Long.MAX_VALUE) {
        value = random.nextLong(min, max + 1);
      } else if (min > Long.MIN_VALUE) {
        value = random.nextLong(min - 1, max) + 1;
      } else {
        value = random.nextLong();
      }
      return Shrinkable.unfold(value, v -> Shrinks.towards(v, origin).boxed());
    };
  }

  /**
   * Returns a generator of booleans that shrink to {@code false}.
   *
   * @return the generator
   */
  static Gen<Boolean> booleans() {
    return random -> Shrinkable.unfold(random.nextBoolean(), b -> b ? Stream.of(false) : Stream.empty());
  }

  /**
   * Returns a generator of durations uniformly in {@code [min, max]} in whole multiples of
   * {@code unit} above {@code min}, shrinking toward {@code min}.
   *
   * @param min the shortest duration
   * @param max the longest duration
   * @param unit the granularity, positive
   * @return the generator
   * @throws IllegalArgumentException when the range is empty or the unit is not positive
   */
  static Gen<Duration> durations(Duration min, Duration max, Duration unit) {
    if (unit.isNegative() || unit.isZero()) {
      throw new IllegalArgumentException("duration unit is " + unit + "; it must be positive");
    }
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("duration range [" + min + ", " + max + "] is empty");
    }
    long steps = max.minus(min).toNanos() / unit.toNanos();
    return longs(0, steps).map(k -> min.plus(unit.multipliedBy(k)));
  }

  /**
   * Returns a generator that picks one of the values uniformly, shrinking toward earlier values.
   *
   * @param values the values, at least one
   * @param <T> the value type
   * @return the generator
   * @throws IllegalArgumentException when there are no values
   */
  static <T> Gen<T> elements(List<? extends T> values) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("elements() needs at least one value");
    }
    return integers(0, copy.size() - 1).map(copy::get);
  }

  /**
   * Returns a generator that picks one of the values uniformly, shrinking toward earlier values.
   *
   * @param values the values, at least one
   * @param <T> the value type
   * @return the generator
   * @throws IllegalArgumentException when there are no values
   */
  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    List<T> list = new ArrayList<>();
    for (T value : values) {
      list.add(value);
    }
    return elements(list);
  }

  /**
   * Returns a generator that uses one of the generators, chosen uniformly; a value shrinks first to
   * the values of earlier generators, then within its own generator.
   *
   * @param gens the generators, at least one
   * @param <T> the value type
   * @return the generator
   * @throws IllegalArgumentException when there are no generators
   */
  @SafeVarargs
  static <T> Gen<T> choose(Gen<? extends T>... gens) {
    List<Weighted<T>> weighted = new ArrayList<>();
    for (Gen<? extends T> gen : gens) {
      weighted.add(new Weighted<T>(1, gen));
    }
    return frequency(weighted);
  }

  /**
   * Returns a generator that uses one of the generators, chosen with probability proportional to its
   * weight; a value shrinks first to the values of earlier generators, then within its own.
   *
   * @param choices the weighted generators; at least one with a positive weight
   * @param <T> the value type
   * @return the generator
   * @throws IllegalArgumentException when no choice has a positive weight
   */
  static <T> Gen<T> frequency(List<Weighted<T>> choices) {
    return Frequency.of(choices);
  }

  /**
   * Returns a weighted choice for {@link #frequency}.
   *
   * @param weight the relative weight, 0 or more
   * @param gen the generator
   * @param <T> the value type
   * @return the weighted choice
   */
  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /**
   * Returns a generator of lists of {@code min} to {@code max} elements. Lists shrink by dropping
   * chunks of elements (down to {@code min}), then by shrinking elements in place.
   *
   * @param element the element generator
   * @param min the fewest elements
   * @param max the most elements
   * @param <T> the element type
   * @return the generator
   * @throws IllegalArgumentException when {@code min < 0} or {@code min > max}
   */
  static <T> Gen<List<T>> lists(Gen<T> element, int min, int max) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("list size range [" + min + ", " + max + "] is invalid");
    }
    return random -> {
      int size = min == max ? min : random.nextInt(min, max + 1);
      List<Shrinkable<T>> elements = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        elements.add(element.generate(random));
      }
      return Shrinks.listOf(elements, min);
    };
  }

  /**
   * Returns a generator of sublists of {@code values}, in their original order, with at least
   * {@code min} elements; each value is kept with probability one half. Sublists shrink by dropping
   * values.
   *
   * @param values the values to choose from
   * @param min the fewest values to keep
   * @param <T> the value type
   * @return the generator
   * @throws IllegalArgumentException when {@code min} is negative or exceeds the number of values
   */
  static <T> Gen<List<T>> subsets(List<? extends T> values, int min) {
    List<T> copy = List.copyOf(values);
    if (min < 0 || min > copy.size()) {
      throw new IllegalArgumentException("subset minimum " + min + " is outside [0, " + copy.size() + "]");
    }
    return random -> {
      List<Shrinkable<T>> kept = new ArrayList<>();
      for (T value : copy) {
        if (random.nextBoolean()) {
          kept.add(Shrinkable.of(value));
        }
      }
      for (int i = 0; kept.size() < min; i++) {
        Shrinkable<T> missing = Shrinkable.of(copy.get(i));
        if (kept.stream().noneMatch(k -> k.value().equals(missing.value()))) {
          kept.add(missing);
        }
      }
      kept.sort(java.util.Comparator.comparingInt(k -> copy.indexOf(k.value())));
      return Shrinks.listOf(kept, min);
    };
  }

  /**
   * Returns a generator that combines the values of two generators; shrinking shrinks the first value,
   * then the second.
   *
   * @param first the first generator
   * @param second the second generator
   * @param combine combines the two values
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <R> the combined type
   * @return the generator
   */
  static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combine) {
    return first.flatMap(a -> second.map(b -> combine.apply(a, b)));
  }

  /**
   * Returns a fresh random source for the given seed; the testkit uses {@link SplittableRandom}
   * throughout.
   *
   * @param seed the seed
   * @return the random source
   */
  static RandomGenerator random(long seed) {
    return new SplittableRandom(seed);
  }

  /**
   * A generator with a relative weight, for {@link Gen#frequency}.
   *
   * <p>Instances are immutable and thread-safe.
   *
   * @param weight the relative weight, 0 or more
   * @param gen the generator
   * @param <T> the value type
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    /**
     * Creates a weighted choice after checking it.
     *
     * @param weight the relative weight, 0 or more
     * @param gen the generator
     * @throws IllegalArgumentException when the weight is negative
     */
    public Weighted {
      if (weight < 0) {
        throw new IllegalArgumentException("weight is " + weight + "; it must be 0 or more");
      }
      Objects.requireNonNull(gen, "gen");
    }
  }
}
