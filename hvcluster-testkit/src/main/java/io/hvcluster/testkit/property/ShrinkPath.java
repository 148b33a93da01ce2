package io.hvcluster.testkit.property;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The way from a generated value to its shrunk counterexample: at each step, the position of the chosen
 * candidate among the current value's {@link Shrinkable#shrinks()}. With the try's seed it names the
 * minimal case exactly, so a replay runs that case alone, without generating the original and shrinking
 * again. Written as positions joined by dots, {@code "0.3.1"}, a run of one position as {@code "0^12"};
 * the empty path is the generated value.
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * ShrinkPath path = ShrinkPath.parse("0.3.1");
 * Shrinkable<FaultPlan> minimal = path.follow(generator.generate(new SplittableRandom(seed)));
 * }</pre>
 *
 * @param steps the candidate positions, first step first
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ShrinkPath(List<Integer> steps) {
  /** The path of a value that was not shrunk. */
  public static final ShrinkPath NONE = new ShrinkPath(List.of());
  /** The longest path a text may describe; shrinking takes far fewer steps than this. */
  private static final int MAX_STEPS = 1_000_000;

  /**
   * Creates a path after checking it.
   *
   * @param steps the candidate positions, each 0 or more
   * @throws IllegalArgumentException when a position is negative
   */
  public ShrinkPath {
    steps = List.copyOf(steps);
    for (int step : steps) {
      if (step < 0) {
        throw new IllegalArgumentException("shrink path " + steps + " has a negative position");
      }
    }
  }

  /**
   * Reads a path written as positions joined by dots.
   *
   * @param text for example {@code "0.3.1"}; empty or blank for {@link #NONE}
   * @return the path
   * @throws IllegalArgumentException when the text is not such a path
   */
  public static ShrinkPath parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    if (t.isEmpty()) {
      return NONE;
    }
    List<Integer> steps = new ArrayList<>();
    for (String part : t.split("\\.", -1)) {
      int star = part.indexOf('^');
      try {
        int position = Integer.parseInt(star < 0 ? part : part.substring(0, star));
        int times = star < 0 ? 1 : Integer.parseInt(part.substring(star + 1));
        if (times < 1 || times > MAX_STEPS || steps.size() + times > MAX_STEPS) {
          throw new NumberFormatException();
        }
        for (int i = 0; i < times; i++) {
          steps.add(position);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("shrink path '" + text + "' is not positions joined by dots, like"
            + " \"0.3.1\" or \"0^12.3\" (twelve 0s, then 3), of at most " + MAX_STEPS + " steps", e);
      }
    }
    return new ShrinkPath(steps);
  }

  /**
   * Returns the path one step longer.
   *
   * @param position the chosen candidate's position
   * @return the longer path
   */
  public ShrinkPath then(int position) {
    List<Integer> longer = new ArrayList<>(steps);
    longer.add(position);
    return new ShrinkPath(longer);
  }

  /**
   * Returns whether the path is empty (the value was not shrunk).
   *
   * @return true when it has no steps
   */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * Follows the path from a generated value to the value it names.
   *
   * @param start the generated value
   * @param <T> the value type
   * @return the value at the end of the path
   * @throws IllegalArgumentException when a step names a candidate that does not exist (the generators
   *     changed since the path was printed)
   */
  public <T> Shrinkable<T> follow(Shrinkable<T> start) {
    Shrinkable<T> current = start;
    for (int i = 0; i < steps.size(); i++) {
      int wanted = steps.get(i);
      Iterator<Shrinkable<T>> candidates = current.shrinks().iterator();
      Shrinkable<T> found = null;
      for (int position = 0; candidates.hasNext(); position++) {
        Shrinkable<T> candidate = candidates.next();
        if (position == wanted) {
          found = candidate;
          break;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("shrink path " + this + ": step " + (i + 1) + " wants candidate " + wanted
            + ", which does not exist; the generators changed since the path was printed (replay the seed alone)");
      }
      current = found;
    }
    return current;
  }

  /** Returns the positions joined by dots, a run of one written {@code position^count}; empty for {@link #NONE}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < steps.size(); ) {
      int j = i;
      while (j < steps.size() && steps.get(j).equals(steps.get(i))) {
        j++;
      }
      out.append(out.length() == 0 ? "" : ".").append(steps.get(i));
      if (j - i > 2) {
        out.append('^').append(j - i);
      } else if (j - i == 2) {
        out.append('.').append(steps.get(i));
      }
      i = j;
    }
    return out.toString();
  }
}
