package io.hvcluster.testkit.junit;

import org.apiguardian.api.API;

/**
 * One try of a scenario: supplies the test method's arguments, checks the outcome after the method
 * returns, and releases what the try used.
 *
 * <p>A trial is used by one thread, once. Example:
 *
 * <pre>{@code
 * Trial trial = type -> type == FaultPlan.class ? plan : spec;
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface Trial extends AutoCloseable {
  /**
   * Returns the argument for a parameter of one of the source's {@link ScenarioSource#parameterTypes()}.
   *
   * @param type the supplied type the parameter matched
   * @return the argument
   */
  Object argument(Class<?> type);

  /**
   * Checks the try after the test method returned normally, for example by running invariant checkers
   * over the simulation; throws to fail the try.
   */
  default void verify() {}

  /** Releases the try's resources; called after every try, whether it passed or not. */
  @Override
  default void close() {}
}
