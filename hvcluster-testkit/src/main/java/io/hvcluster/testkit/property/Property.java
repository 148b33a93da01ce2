package io.hvcluster.testkit.property;

import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Checks that a body holds for generated values: runs it for a number of tries, each from a seed
 * derived from the run's seed, stops at the first failure, and shrinks the failing value greedily to
 * a simpler one that still fails. Shrinking is bounded by a count of attempts, never by time, so a run
 * is a pure function of its seed.
 *
 * <p>A body fails by throwing; an {@link org.opentest4j.TestAbortedException} (a failed JUnit
 * assumption) discards the try instead. Instances are immutable and thread-safe; {@link #check} runs on
 * the calling thread. Example:
 *
 * <pre>{@code
 * PropertyResult<List<Integer>> result = Property.forAll(Gen.lists(Gen.integers(0, 100), 0, 20))
 *     .named("sums stay small").seed(42).tries(200)
 *     .check((list, info) -> assertThat(list.stream().mapToInt(i -> i).sum()).isLessThan(500));
 * result.assertPassed(); // throws with seed, shrunk value and a replay line
 * }</pre>
 *
 * @param <T> the value type
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Property<T> {
  /** The default number of tries. */
  public static final int DEFAULT_TRIES = 100;
  /** The default number of candidates shrinking may run. */
  public static final int DEFAULT_MAX_SHRINK_ATTEMPTS = 1000;

  private final Gen<T> gen;
  private final String name;
  private final int tries;
  private final Long seed;
  private final int maxShrinkAttempts;
  private final Function<? super T, String> describer;
  private final Replay replay;
  private final ShrinkPath replaying;

  private Property(Gen<T> gen, String name, int tries, Long seed, int maxShrinkAttempts,
      Function<? super T, String> describer, Replay replay, ShrinkPath replaying) {
    this.gen = gen;
    this.name = name;
    this.tries = tries;
    this.seed = seed;
    this.maxShrinkAttempts = maxShrinkAttempts;
    this.describer = describer;
    this.replay = replay;
    this.replaying = replaying;
  }

  /**
   * Returns a property over the values of {@code gen}, with {@value #DEFAULT_TRIES} tries, a seed
   * derived from its name, and {@value #DEFAULT_MAX_SHRINK_ATTEMPTS} shrink attempts.
   *
   * @param gen the generator
   * @param <T> the value type
   * @return the property
   */
  public static <T> Property<T> forAll(Gen<T> gen) {
    Objects.requireNonNull(gen, "gen");
    return new Property<>(gen, "property", DEFAULT_TRIES, null, DEFAULT_MAX_SHRINK_ATTEMPTS, String::valueOf,
        (s, path) -> "Property.forAll(...).seed(" + Seeds.literal(s) + ").tries(1)"
            + (path.isEmpty() ? "" : ".replaying(ShrinkPath.parse(\"" + path + "\"))"), null);
  }

  /**
   * Returns a copy with a name, used in reports and to derive the default seed.
   *
   * @param newName the name
   * @return the property
   */
  public Property<T> named(String newName) {
    return new Property<>(gen, Objects.requireNonNull(newName, "name"), tries, seed, maxShrinkAttempts, describer,
        replay, replaying);
  }

  /**
   * Returns a copy that runs the given number of tries.
   *
   * @param count the tries, 1 or more
   * @return the property
   * @throws IllegalArgumentException when {@code count} is less than 1
   */
  public Property<T> tries(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("tries is " + count + "; a property needs at least 1 try");
    }
    return new Property<>(gen, name, count, seed, maxShrinkAttempts, describer, replay, replaying);
  }

  /**
   * Returns a copy that runs from the given seed; try 0 uses it as is.
   *
   * @param runSeed the seed
   * @return the property
   */
  public Property<T> seed(long runSeed) {
    return new Property<>(gen, name, tries, runSeed, maxShrinkAttempts, describer, replay, replaying);
  }

  /**
   * Returns a copy whose shrinking runs at most the given number of candidates.
   *
   * @param attempts the limit, 0 to turn shrinking off
   * @return the property
   * @throws IllegalArgumentException when {@code attempts} is negative
   */
  public Property<T> maxShrinkAttempts(int attempts) {
    if (attempts < 0) {
      throw new IllegalArgumentException("shrink attempts is " + attempts + "; it must be 0 or more");
    }
    return new Property<>(gen, name, tries, seed, attempts, describer, replay, replaying);
  }

  /**
   * Returns a copy that renders values in reports with the given function instead of
   * {@code toString()}.
   *
   * @param newDescriber renders a value, possibly over several lines
   * @return the property
   */
  public Property<T> describedBy(Function<? super T, String> newDescriber) {
    return new Property<>(gen, name, tries, seed, maxShrinkAttempts, Objects.requireNonNull(newDescriber), replay,
        replaying);
  }

  /**
   * Returns a copy that prints the given replay instruction for a failing try's seed. The instruction
   * reruns the try as generated; prefer {@link #replayedBy(Replay)}, whose instruction runs the shrunk
   * counterexample alone.
   *
   * @param newReplay turns a seed into a one-line instruction that reruns exactly that try
   * @return the property
   */
  public Property<T> replayedBy(LongFunction<String> newReplay) {
    Objects.requireNonNull(newReplay, "replay");
    return replayedBy((s, path) -> newReplay.apply(s));
  }

  /**
   * Returns a copy that prints the given replay instruction for a failing try's seed and the shrink path
   * of its counterexample.
   *
   * @param newReplay turns a seed and a shrink path into a one-line instruction that runs exactly the
   *     shrunk counterexample
   * @return the property
   */
  public Property<T> replayedBy(Replay newReplay) {
    return new Property<>(gen, name, tries, seed, maxShrinkAttempts, describer, Objects.requireNonNull(newReplay),
        replaying);
  }

  /**
   * Returns a copy that runs one value only: the one the shrink path reaches from the value its seed
   * generates (try 0, the seed as is). That is how a printed counterexample is replayed: a failure is
   * reported as it is, without shrinking further; a path the generators no longer have fails with a
   * message that says so.
   *
   * @param path the shrink path a failure report printed
   * @return the property
   */
  public Property<T> replaying(ShrinkPath path) {
    return new Property<>(gen, name, 1, seed, maxShrinkAttempts, describer, replay,
        Objects.requireNonNull(path, "path"));
  }

  /**
   * Returns the seed this property runs from.
   *
   * @return the explicit seed, or one derived from the name
   */
  public long runSeed() {
    return seed != null ? seed : Seeds.derive(0, name);
  }

  /**
   * Runs the property: returns when every try passed, at the first failure after shrinking, or when
   * too many tries were discarded.
   *
   * @param body the check; it fails by throwing
   * @return the result
   */
  public PropertyResult<T> check(Body<T> body) {
    Objects.requireNonNull(body, "body");
    long runSeed = runSeed();
    if (replaying != null) {
      return replay(body, runSeed);
    }
    int discarded = 0;
    int index = 0;
    int run = 0;
    while (run < tries) {
      if (discarded > tries * 10) {
        return PropertyResult.exhausted(this, runSeed, run, discarded);
      }
      long trySeed = Seeds.forTry(runSeed, index);
      TryInfo info = new TryInfo(trySeed, index, 0);
      Shrinkable<T> sample = generate(trySeed, info);
      Outcome outcome = Outcome.run(body, sample.value(), info);
      index++;
      if (outcome.discarded()) {
        discarded++;
        continue;
      }
      run++;
      if (outcome.failed()) {
        Counterexample<T> counterexample = new ShrinkSearch<>(body, info, maxShrinkAttempts).shrink(sample, outcome.error());
        return PropertyResult.failed(this, runSeed, run, discarded, counterexample);
      }
    }
    return PropertyResult.passed(this, runSeed, run, discarded);
  }

  private PropertyResult<T> replay(Body<T> body, long runSeed) {
    TryInfo info = new TryInfo(runSeed, 0, 0);
    Shrinkable<T> generated = generate(runSeed, info);
    Shrinkable<T> minimal = replaying.follow(generated);
    Outcome outcome = Outcome.run(body, minimal.value(), info);
    if (outcome.discarded()) {
      return PropertyResult.exhausted(this, runSeed, 0, 1);
    }
    if (!outcome.failed()) {
      return PropertyResult.passed(this, runSeed, 1, 0);
    }
    Counterexample<T> replayed = new Counterexample<>(generated.value(), minimal.value(), info,
        replaying.steps().size(), 0, false, outcome.error(), outcome.error(), replaying);
    return PropertyResult.failed(this, runSeed, 1, 0, replayed);
  }

  /**
   * Runs the property with a predicate: a value fails when the predicate returns false.
   *
   * @param predicate the condition every value must meet
   * @return the result
   */
  public PropertyResult<T> holds(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return check((value, info) -> {
      if (!predicate.test(value)) {
        throw new AssertionError("predicate returned false");
      }
    });
  }

  private Shrinkable<T> generate(long trySeed, TryInfo info) {
    try {
      return gen.generate(new SplittableRandom(trySeed));
    } catch (RuntimeException e) {
      throw new IllegalStateException("generator failed for " + name + " at " + info + "; "
          + replay.line(trySeed, ShrinkPath.NONE), e);
    }
  }

  String name() {
    return name;
  }

  int tries() {
    return tries;
  }

  String describe(T value) {
    return describer.apply(value);
  }

  String replayLine(long trySeed, ShrinkPath path) {
    return replay.line(trySeed, path);
  }

  boolean replays() {
    return replaying != null;
  }

  Optional<Long> explicitSeed() {
    return Optional.ofNullable(seed);
  }

  /**
   * Turns a failing try's seed and its counterexample's shrink path into a one-line instruction that
   * runs exactly the shrunk counterexample.
   *
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  @FunctionalInterface
  public interface Replay {
    /**
     * Returns the instruction.
     *
     * @param seed the failing try's seed
     * @param path the shrink path from the try's generated value to the counterexample
     * @return the one-line instruction
     */
    String line(long seed, ShrinkPath path);
  }

  /**
   * The body of a property: it fails by throwing.
   *
   * @param <T> the value type
   * @since 0.1.0
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  @FunctionalInterface
  public interface Body<T> {
    /**
     * Checks one value.
     *
     * @param value the generated value
     * @param info which try this is
     * @throws Throwable when the property does not hold for the value
     */
    void run(T value, TryInfo info) throws Throwable;
  }
}
