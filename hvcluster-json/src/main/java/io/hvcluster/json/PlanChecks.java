package io.hvcluster.json;

import io.hvcluster.api.Cluster;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.FaultPlan;
import io.hvcluster.testkit.fault.HostSelector;
import io.hvcluster.testkit.fault.LunSelector;
import io.hvcluster.testkit.fault.VmSelector;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Checks a scenario's fault plan against its cluster before the run: every selector is resolved against
 * the cluster as it is at time 0, so that a name the cluster does not have (an {@code explicit(node9)})
 * is refused before anything runs rather than half-way through it. The testkit's {@code FaultInjection}
 * resolves selectors again, against the live cluster, when each fault starts.
 */
final class PlanChecks {
  private PlanChecks() {}

  /**
   * Resolves every selector of the plan once, with a throwaway random source.
   *
   * @throws InvalidInputException naming the fault and the problem
   */
  static void check(FaultPlan plan, Cluster cluster, Path file) {
    for (Fault f : plan.faults()) {
      for (RecordComponent c : f.getClass().getRecordComponents()) {
        Object value;
        try {
          value = c.getAccessor().invoke(f);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c.getName() + " of " + f, e);
        }
        try {
          if (value instanceof HostSelector h) {
            h.resolve(cluster, new SplittableRandom(0));
          } else if (value instanceof VmSelector v) {
            v.resolve(cluster, new SplittableRandom(0));
          } else if (value instanceof LunSelector l) {
            l.resolve(cluster, new SplittableRandom(0));
          }
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(file, file + ": $.faults: " + f.describe() + " at " + DurationText.format(f.at())
              + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
