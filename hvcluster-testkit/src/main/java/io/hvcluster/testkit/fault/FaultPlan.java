package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * An immutable, timed list of faults followed by a mandatory heal phase. A plan is a value: it prints
 * as a readable timeline ({@link #timeline()}), writes and reads JSON that round-trips exactly
 * ({@link #toJson()}, {@link #fromJson(String)}), and offers simpler variants of itself for shrinking
 * ({@link #shrinks()}). Faults are kept in order of their start; faults that start together keep the
 * order they were given in.
 *
 * <p>Instances are immutable and thread-safe. Example, a regression test pasted from a failure report:
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.fromJson("""
 *     {
 *       "faults": [
 *         {"fault": "host-crash", "at": "0s", "for": "1ms", "hosts": "explicit(node2)"},
 *         {"fault": "split", "at": "10s", "side": "minority"}
 *       ],
 *       "heal": {"at": "2m", "quiet": "5m"}
 *     }
 *     """);
 * }</pre>
 *
 * @param faults the faults, each starting no later than the heal phase
 * @param heal the heal phase
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FaultPlan(List<Fault> faults, Heal heal) {
  /**
   * Creates a plan after checking it; the faults are sorted by start, stably.
   *
   * @param faults the faults
   * @param heal the heal phase
   * @throws IllegalArgumentException when a fault starts after the heal phase
   */
  public FaultPlan {
    Objects.requireNonNull(heal, "heal");
    List<Fault> sorted = new ArrayList<>(faults);
    for (int i = 0; i < sorted.size(); i++) {
      Fault f = Objects.requireNonNull(sorted.get(i), "fault");
      if (f.at().compareTo(heal.at()) > 0) {
        throw new IllegalArgumentException("fault #" + i + " (" + f.describe() + ") starts at " + DurationText.format(f.at())
            + ", after the heal phase at " + DurationText.format(heal.at()) + "; faults must start by the heal phase");
      }
    }
    sorted.sort(Comparator.comparing(Fault::at));
    faults = List.copyOf(sorted);
  }

  /**
   * Returns a plan of the given faults and heal phase.
   *
   * @param heal the heal phase
   * @param faults the faults
   * @return the plan
   */
  public static FaultPlan of(Heal heal, Fault... faults) {
    return new FaultPlan(List.of(faults), heal);
  }

  /**
   * Returns a plan without faults.
   *
   * @param heal the heal phase
   * @return the plan
   */
  public static FaultPlan empty(Heal heal) {
    return new FaultPlan(List.of(), heal);
  }

  /**
   * Reads a plan from the JSON that {@link #toJson()} writes.
   *
   * @param json the JSON text
   * @return the plan
   * @throws IllegalArgumentException when the text is not a valid plan; the message says where and why
   */
  public static FaultPlan fromJson(String json) {
    return PlanJson.read(json);
  }

  /**
   * Returns the plan as JSON: one line per fault, so that it reads well in a test.
   *
   * @return the JSON text
   */
  public String toJson() {
    return PlanJson.write(this);
  }

  /**
   * Returns the plan as a readable timeline, one line per fault and phase.
   *
   * @return the timeline
   */
  public String timeline() {
    return Timeline.render(this);
  }

  /**
   * Returns simpler variants of this plan, most aggressive first: without faults, with narrower
   * targets, with faults moved earlier, with shorter durations, with smaller fault parameters, and
   * with an earlier heal phase. Every candidate is strictly simpler, so greedy shrinking terminates.
   *
   * @return the candidates
   */
  public Stream<FaultPlan> shrinks() {
    return PlanShrinker.candidates(this);
  }

  /**
   * Returns the number of faults.
   *
   * @return the count
   */
  public int size() {
    return faults.size();
  }

  /**
   * Returns a copy without the fault at the given index.
   *
   * @param index the index
   * @return the plan
   */
  public FaultPlan without(int index) {
    List<Fault> rest = new ArrayList<>(faults);
    rest.remove(index);
    return new FaultPlan(rest, heal);
  }

  /**
   * Returns a copy with one more fault.
   *
   * @param fault the fault, starting no later than the heal phase
   * @return the plan
   */
  public FaultPlan plus(Fault fault) {
    List<Fault> more = new ArrayList<>(faults);
    more.add(fault);
    return new FaultPlan(more, heal);
  }

  /**
   * Returns a copy with another heal phase.
   *
   * @param newHeal the heal phase
   * @return the plan
   */
  public FaultPlan withHeal(Heal newHeal) {
    return new FaultPlan(faults, newHeal);
  }

  /**
   * Returns when the fault at an index stops being active: its own end, the heal phase if that comes
   * first or it has no duration, or its start if it is instantaneous.
   *
   * @param fault a fault of this plan
   * @return the end, from the start of the plan
   */
  public Duration activeUntil(Fault fault) {
    if (fault.kind().instantaneous()) {
      return fault.at();
    }
    Duration end = fault.timing().end().orElse(heal.at());
    return end.compareTo(heal.at()) < 0 ? end : heal.at();
  }

  /**
   * Returns how long the plan runs, heal phase and quiet period included.
   *
   * @return the end
   */
  public Duration end() {
    return heal.end();
  }

  /** Returns the {@link #timeline()}. */
  @Override
  public String toString() {
    return timeline();
  }
}
