package io.hvcluster.testkit.property;

import java.util.Iterator;

/**
 * Greedy shrinking: move to the first candidate that still fails, and start over from its candidates,
 * until none fails or the attempt budget is spent. The order of candidates decides the result, so the
 * search is as deterministic as the generators.
 */
final class ShrinkSearch<T> {
  private final Property.Body<T> body;
  private final TryInfo failingTry;
  private final int maxAttempts;

  ShrinkSearch(Property.Body<T> body, TryInfo failingTry, int maxAttempts) {
    this.body = body;
    this.failingTry = failingTry;
    this.maxAttempts = maxAttempts;
  }

  Counterexample<T> shrink(Shrinkable<T> failing, Throwable error) {
    Shrinkable<T> current = failing;
    Throwable currentError = error;
    int attempts = 0;
    int steps = 0;
    ShrinkPath path = ShrinkPath.NONE;
    boolean localMinimum = false;
    search:
    while (attempts < maxAttempts) {
      Iterator<Shrinkable<T>> candidates = current.shrinks().iterator();
      boolean moved = false;
      for (int position = 0; candidates.hasNext(); position++) {
        if (attempts >= maxAttempts) {
          break search;
        }
        Shrinkable<T> candidate = candidates.next();
        attempts++;
        Outcome outcome = Outcome.run(body, candidate.value(), new TryInfo(failingTry.seed(), failingTry.index(), attempts));
        if (outcome.failed()) {
          current = candidate;
          currentError = outcome.error();
          steps++;
          path = path.then(position);
          moved = true;
          break;
        }
      }
      if (!moved) {
        localMinimum = true;
        break;
      }
    }
    return new Counterexample<>(failing.value(), current.value(), failingTry, steps, attempts, !localMinimum, error,
        currentError, path);
  }
}
