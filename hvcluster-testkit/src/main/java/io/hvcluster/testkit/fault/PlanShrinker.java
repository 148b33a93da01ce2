package io.hvcluster.testkit.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Shrink candidates of a fault plan, most aggressive first: remove faults (all, then halves, down to
 * single faults), narrow targets, move faults earlier, shorten durations, shrink numeric parameters,
 * and move the heal phase earlier. Every candidate is strictly simpler than the plan, so greedy
 * shrinking terminates. Candidates are computed lazily and in a fixed order.
 */
final class PlanShrinker {
  private static final Duration MIN_DURATION = Duration.ofMillis(1);

  private PlanShrinker() {}

  static Stream<FaultPlan> candidates(FaultPlan plan) {
    return Stream.<java.util.function.Supplier<Stream<FaultPlan>>>of(
            () -> removals(plan),
            () -> perFault(plan, PlanShrinker::narrower),
            () -> perFault(plan, PlanShrinker::earlier),
            () -> perFault(plan, PlanShrinker::shorter),
            () -> perFault(plan, PlanShrinker::smallerParameters),
            () -> earlierHeal(plan))
        .flatMap(java.util.function.Supplier::get);
  }

  private static Stream<FaultPlan> removals(FaultPlan plan) {
    List<Fault> faults = plan.faults();
    int n = faults.size();
    return IntStream.iterate(n, k -> k > 0, k -> k / 2).boxed()
        .flatMap(k -> IntStream.iterate(0, start -> start + k <= n, start -> start + k).mapToObj(start -> {
          List<Fault> rest = new ArrayList<>(faults.subList(0, start));
          rest.addAll(faults.subList(start + k, n));
          return new FaultPlan(rest, plan.heal());
        }))
        .distinct();
  }

  private interface FaultShrinker {
    Stream<Fault> shrink(Fault fault);
  }

  private static Stream<FaultPlan> perFault(FaultPlan plan, FaultShrinker shrinker) {
    return IntStream.range(0, plan.size()).boxed().flatMap(i -> shrinker.shrink(plan.faults().get(i)).map(smaller -> {
      List<Fault> copy = new ArrayList<>(plan.faults());
      copy.set(i, smaller);
      return new FaultPlan(copy, plan.heal());
    }));
  }

  private static Stream<Fault> narrower(Fault fault) {
    List<Stream<Fault>> out = new ArrayList<>();
    for (Faults.Component c : Faults.parameters(fault)) {
      Stream<?> narrower;
      if (c.value() instanceof HostSelector) {
        narrower = ((HostSelector) c.value()).narrower();
      } else if (c.value() instanceof LunSelector) {
        narrower = ((LunSelector) c.value()).narrower();
      } else if (c.value() instanceof VmSelector) {
        narrower = ((VmSelector) c.value()).narrower();
      } else {
        continue;
      }
      out.add(narrower.map(s -> tryWith(fault, c.name(), s)).filter(Objects::nonNull));
    }
    return out.stream().flatMap(s -> s);
  }

  private static Stream<Fault> earlier(Fault fault) {
    return smaller(fault.at(), Duration.ZERO).map(at -> fault.withTiming(fault.timing().startingAt(at)));
  }

  private static Stream<Fault> shorter(Fault fault) {
    return fault.duration().stream()
        .flatMap(d -> smaller(d, MIN_DURATION))
        .map(d -> fault.withTiming(fault.timing().lasting(d)));
  }

  private static Stream<Fault> smallerParameters(Fault fault) {
    List<Stream<Fault>> out = new ArrayList<>();
    for (Faults.Component c : Faults.parameters(fault)) {
      if (c.value() instanceof Integer) {
        int v = (Integer) c.value();
        out.add(LongStream.of(0, 1).filter(target -> target < v)
            .boxed().flatMap(target -> towards(v, target).boxed()).distinct()
            .map(x -> tryWith(fault, c.name(), (int) (long) x)).filter(Objects::nonNull));
      } else if (c.value() instanceof Duration) {
        out.add(smaller((Duration) c.value(), MIN_DURATION).map(d -> tryWith(fault, c.name(), d)).filter(Objects::nonNull));
      }
    }
    return out.stream().flatMap(s -> s);
  }

  private static Stream<FaultPlan> earlierHeal(FaultPlan plan) {
    Duration latestStart = plan.faults().stream().map(Fault::at).max(Duration::compareTo).orElse(Duration.ZERO);
    return smaller(plan.heal().at(), latestStart).map(at -> plan.withHeal(new Heal(at, plan.heal().quiet())));
  }

  /**
   * Returns durations between {@code floor} and {@code value}, the floor first, halving the distance;
   * whole milliseconds when both are whole milliseconds.
   */
  private static Stream<Duration> smaller(Duration value, Duration floor) {
    if (value.compareTo(floor) <= 0) {
      return Stream.empty();
    }
    boolean millis = value.toNanos() % 1_000_000 == 0 && floor.toNanos() % 1_000_000 == 0;
    if (millis) {
      return towards(value.toMillis(), floor.toMillis()).mapToObj(Duration::ofMillis);
    }
    return towards(value.toNanos(), floor.toNanos()).mapToObj(Duration::ofNanos);
  }

  private static LongStream towards(long value, long target) {
    List<Long> out = new ArrayList<>();
    for (long step = value - target; step > 0; step /= 2) {
      out.add(value - step);
    }
    return out.stream().mapToLong(Long::longValue).distinct();
  }

  /** Returns the fault with one component replaced, or null when that violates the kind's rules. */
  private static Fault tryWith(Fault fault, String component, Object value) {
    try {
      return Faults.with(fault, component, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
