package io.hvcluster.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.apiguardian.api.API;

/**
 * Requires coverage probes to be hit by a test class: after all its tests ran (and passed), the class
 * fails when a named probe of its {@link io.hvcluster.testkit.check.Coverage} was never hit.
 *
 * <p>Example:
 *
 * <pre>{@code
 * @RequireProbes({"failover-during-migration", "witness-lost-in-partition"})
 * final class FailoverSuite {
 *   @ClusterProperty(tries = 500)
 *   void vmsRunOnce(Scenario scenario, Coverage coverage) { ... coverage.sometimes("failover-during-migration", ...); }
 * }
 * }</pre>
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CoverageExtension.class)
public @interface RequireProbes {
  /**
   * Returns the probes that must be hit at least once.
   *
   * @return the probe names
   */
  String[] value();
}
