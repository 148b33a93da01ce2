package io.hvcluster.testkit.property;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/** The shrink tree of {@link Gen#flatMap}: outer shrinks regenerate the inner value from its seed. */
final class Binds {
  private Binds() {}

  static <T, R> Shrinkable<R> bind(Shrinkable<T> outer, long innerSeed, Function<? super T, ? extends Gen<R>> f) {
    Shrinkable<R> inner = f.apply(outer.value()).generate(new SplittableRandom(innerSeed));
    return node(outer, inner, innerSeed, f);
  }

  private static <T, R> Shrinkable<R> node(Shrinkable<T> outer, Shrinkable<R> inner, long innerSeed,
      Function<? super T, ? extends Gen<R>> f) {
    return Shrinkable.of(inner.value(), () -> Stream.concat(
        outer.shrinks().map(smallerOuter -> bind(smallerOuter, innerSeed, f)),
        inner.shrinks().map(smallerInner -> node(outer, smallerInner, innerSeed, f))));
  }
}
