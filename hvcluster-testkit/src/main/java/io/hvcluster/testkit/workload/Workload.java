package io.hvcluster.testkit.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * An immutable, timed list of operations, kept in order of invocation (operations at the same time
 * keep the order they were given in).
 *
 * <p>Instances are immutable and thread-safe. Example:
 *
 * <pre>{@code
 * Workload w = new Workload(List.of(new Operation.StopVm(Duration.ofSeconds(20), VmId.of("web1"))));
 * }</pre>
 *
 * @param operations the operations
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Workload(List<Operation> operations) {
  /**
   * Creates a workload; the operations are sorted by time, stably.
   *
   * @param operations the operations
   */
  public Workload {
    List<Operation> sorted = new ArrayList<>(operations);
    sorted.sort(Comparator.comparing(Operation::at));
    operations = List.copyOf(sorted);
  }

  /**
   * Returns an empty workload.
   *
   * @return the workload
   */
  public static Workload none() {
    return new Workload(List.of());
  }

  /**
   * Returns the workload one operation a line.
   *
   * @return the text
   */
  public String describe() {
    if (operations.isEmpty()) {
      return "workload: no operations";
    }
    return "workload: " + operations.size() + (operations.size() == 1 ? " operation" : " operations") + "\n  "
        + operations.stream().map(Operation::describe).collect(Collectors.joining("\n  "));
  }
}
