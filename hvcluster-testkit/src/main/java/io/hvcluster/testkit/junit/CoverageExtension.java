package io.hvcluster.testkit.junit;

import io.hvcluster.testkit.check.Coverage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.apiguardian.api.API;

/**
 * Keeps a suite's {@link Coverage} in the {@link ExtensionContext.Store} of its top-level test class,
 * injects it into test and property methods, and, registered on a class by {@link RequireProbes},
 * fails the class after all its tests when a required probe was never hit. Nested classes share their
 * top-level class's coverage.
 *
 * <p>JUnit creates and calls extensions; instances are stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CoverageExtension implements ParameterResolver, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CoverageExtension.class);

  /** Creates the extension; JUnit calls this. */
  public CoverageExtension() {}

  /**
   * Returns the coverage of the suite the context belongs to.
   *
   * @param context any context below a test class
   * @return the suite's coverage
   */
  public static Coverage coverage(ExtensionContext context) {
    ExtensionContext suite = context;
    while (suite.getParent().isPresent() && suite.getParent().get().getParent().isPresent()) {
      suite = suite.getParent().get();
    }
    return suite.getStore(NAMESPACE).getOrComputeIfAbsent("coverage", key -> new Coverage(), Coverage.class);
  }

  /** Supports parameters of type {@link Coverage}. */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == Coverage.class;
  }

  /** Returns the suite's coverage. */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return coverage(extensionContext);
  }

  /**
   * Fails the class when a probe required by {@link RequireProbes} on it was never hit.
   *
   * @param context the class's context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    Optional<RequireProbes> required = context.getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, RequireProbes.class));
    if (required.isEmpty() || context.getExecutionException().isPresent()) {
      return;
    }
    Coverage coverage = coverage(context);
    context.publishReportEntry("hvcluster.coverage", coverage.summary());
    coverage.require(List.of(required.get().value()));
  }
}
