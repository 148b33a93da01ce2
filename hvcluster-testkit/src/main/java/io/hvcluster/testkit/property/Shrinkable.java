package io.hvcluster.testkit.property;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A generated value together with its lazily computed shrink candidates: a rose tree whose root is the
 * value and whose children are simpler values, each with shrink candidates of its own. Shrinking walks
 * this tree greedily, so candidates should be ordered from the most to the least aggressive.
 *
 * <p>Instances are immutable and thread-safe provided the value and the candidate supplier are. Example:
 *
 * <pre>{@code
 * Shrinkable<Integer> five = Shrinkable.unfold(5, n -> n > 0 ? Stream.of(0, n / 2, n - 1) : Stream.empty());
 * five.shrinks().map(Shrinkable::value).toList(); // [0, 2, 4]
 * }</pre>
 *
 * @param <T> the value type
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Shrinkable<T> {
  private final T value;
  private final Supplier<Stream<Shrinkable<T>>> shrinks;

  private Shrinkable(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
    this.value = value;
    this.shrinks = Objects.requireNonNull(shrinks, "shrinks");
  }

  /**
   * Returns a value that cannot be shrunk.
   *
   * @param value the value
   * @param <T> the value type
   * @return the shrinkable
   */
  public static <T> Shrinkable<T> of(T value) {
    return new Shrinkable<>(value, Stream::empty);
  }

  /**
   * Returns a value whose shrink candidates come from the given supplier, called afresh each time the
   * candidates are asked for.
   *
   * @param value the value
   * @param shrinks supplies the candidates, most aggressive first
   * @param <T> the value type
   * @return the shrinkable
   */
  public static <T> Shrinkable<T> of(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
    return new Shrinkable<>(value, shrinks);
  }

  /**
   * Returns a value whose shrink tree is unfolded from a shrinker function: the candidates of a value
   * are {@code shrinker.apply(value)}, and theirs are computed the same way.
   *
   * @param value the value
   * @param shrinker returns the simpler candidates of a value, most aggressive first
   * @param <T> the value type
   * @return the shrinkable
   */
  public static <T> Shrinkable<T> unfold(T value, Function<? super T, ? extends Stream<? extends T>> shrinker) {
    Objects.requireNonNull(shrinker, "shrinker");
    return new Shrinkable<>(value, () -> shrinker.apply(value).map(v -> Shrinkable.<T>unfold(v, shrinker)));
  }

  /**
   * Returns the value.
   *
   * @return the value
   */
  public T value() {
    return value;
  }

  /**
   * Returns the shrink candidates, most aggressive first. Each call returns a fresh stream.
   *
   * @return the candidates
   */
  public Stream<Shrinkable<T>> shrinks() {
    return shrinks.get();
  }

  /**
   * Returns this tree with {@code f} applied to every value in it.
   *
   * @param f the mapping
   * @param <R> the new value type
   * @return the mapped shrinkable
   */
  public <R> Shrinkable<R> map(Function<? super T, ? extends R> f) {
    return new Shrinkable<>(f.apply(value), () -> shrinks().map(s -> s.map(f)));
  }

  /**
   * Returns this tree without the candidates (and their subtrees) that fail the predicate. The root
   * stays, whatever the predicate says of it.
   *
   * @param predicate the condition every candidate must meet
   * @return the filtered shrinkable
   */
  public Shrinkable<T> filter(Predicate<? super T> predicate) {
    return new Shrinkable<>(value,
        () -> shrinks().filter(s -> predicate.test(s.value())).map(s -> s.filter(predicate)));
  }

  /** Returns the value's string form. */
  @Override
  public String toString() {
    return "Shrinkable[" + value + "]";
  }
}
