package io.hvcluster.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a class that only EngineTestKit-based tests run: it is disabled unless the configuration
 * parameter {@code hvcluster.fixtures} is {@code true}, so a normal surefire run skips it even if it
 * were discovered.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fixture")
@ExtendWith(Fixture.OnlyUnderEngineTestKit.class)
@interface Fixture {
  /** The configuration parameter that enables fixtures. */
  String ENABLED = "hvcluster.fixtures";

  /** Enables fixtures only when {@link #ENABLED} is true. */
  final class OnlyUnderEngineTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("running under EngineTestKit")
          : ConditionEvaluationResult.disabled("fixture for EngineTestKit tests only");
    }
  }
}
