package io.hvcluster.testkit.junit;

import io.hvcluster.api.migration.MigrationStrategy;
import io.hvcluster.api.placement.PlacementPolicy;
import io.hvcluster.testkit.check.Coverage;
import io.hvcluster.testkit.property.Counterexample;
import io.hvcluster.testkit.property.Property;
import io.hvcluster.testkit.property.PropertyFailure;
import io.hvcluster.testkit.property.PropertyResult;
import io.hvcluster.testkit.property.Seeds;
import io.hvcluster.testkit.property.ShrinkPath;
import io.hvcluster.testkit.property.TryInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.apiguardian.api.API;

/**
 * Runs {@link ClusterProperty} methods. JUnit resolves the method's parameters once (this extension
 * supplies placeholders for the scenario's types); the interceptor then skips JUnit's own invocation
 * and calls the method itself for every try and every shrink candidate, with arguments from that try's
 * {@link Trial}, so shrinking can re-run the body as often as it needs. The scenario source and the
 * last result live in the method's {@link ExtensionContext.Store}; coverage lives in the suite's (see
 * {@link CoverageExtension}).
 *
 * <p>JUnit creates and calls extensions; instances are stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ClusterPropertyExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterPropertyExtension.class);

  /** Creates the extension; JUnit calls this. */
  public ClusterPropertyExtension() {}

  /**
   * Returns the result of the last run of the property in the given method context, for extensions
   * that want to report on it.
   *
   * @param context the test method's context
   * @return the result, empty before the property ran
   */
  public static Optional<PropertyResult<?>> lastResult(ExtensionContext context) {
    return Optional.ofNullable((PropertyResult<?>) context.getStore(NAMESPACE).get("result", PropertyResult.class));
  }

  /** Supports {@link TryInfo} and the scenario source's types on {@link ClusterProperty} methods. */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Optional<ClusterProperty> annotation = annotation(extensionContext);
    if (annotation.isEmpty()) {
      return false;
    }
    Class<?> type = parameterContext.getParameter().getType();
    return type == TryInfo.class || Arguments.match(source(extensionContext, annotation.get()).parameterTypes(), type) != null;
  }

  /**
   * Returns a placeholder: the interceptor passes each try's real arguments when it calls the method.
   */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (parameterContext.getParameter().getType().isPrimitive()) {
      throw new ParameterResolutionException("@ClusterProperty cannot inject primitive parameter "
          + parameterContext.getParameter() + "; take TryInfo for the seed");
    }
    return null;
  }

  /** Runs the property: every try, shrinking on failure, then reports. */
  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext) throws Throwable {
    Optional<ClusterProperty> found = annotation(extensionContext);
    if (found.isEmpty()) {
      invocation.proceed();
      return;
    }
    invocation.skip();
    ClusterProperty annotation = found.get();
    Method method = invocationContext.getExecutable();
    PropertySettings settings = PropertySettings.from(extensionContext);
    @SuppressWarnings("unchecked")
    ScenarioSource<Object> source = (ScenarioSource<Object>) source(extensionContext, annotation);
    String name = extensionContext.getRequiredTestClass().getName() + "#" + method.getName();
    long seed = settings.replay().orElse(annotation.seed() == ClusterProperty.AUTO_SEED
        ? Seeds.derive(settings.baseSeed(), name) : annotation.seed());
    if (annotation.tries() < 1) {
      throw new ExtensionConfigurationException("@ClusterProperty on " + name + " has tries = " + annotation.tries()
          + "; it needs at least 1");
    }
    Coverage coverage = CoverageExtension.coverage(extensionContext);
    String testSelector = testSelector(extensionContext, method);
    Property<Object> property = Property.forAll(source.generator()).named(name).seed(seed)
        .tries(settings.tries(annotation.tries())).maxShrinkAttempts(Math.max(0, annotation.maxShrinkAttempts()))
        .describedBy(source::describe)
        .replayedBy((s, path) -> "@ClusterProperty(seed = " + Seeds.literal(s) + ", tries = 1"
            + (path.isEmpty() ? "" : ", shrinkPath = \"" + path + "\"") + ")   or   mvn test -Dtest='" + testSelector
            + "' -D" + PropertySettings.REPLAY + "='" + Seeds.format(s) + (path.isEmpty() ? "" : "/" + path) + "'");
    Optional<ShrinkPath> replayPath = settings.replay().isPresent() ? settings.replayPath()
        : annotation.shrinkPath().isBlank() ? Optional.empty()
        : Optional.of(PropertySettings.path("shrinkPath of @ClusterProperty on " + name, annotation.shrinkPath()));
    if (replayPath.isPresent()) {
      property = property.replaying(replayPath.get());
    }
    List<Object> resolved = invocationContext.getArguments();
    Object target = invocationContext.getTarget().orElse(null);
    Optional<Supplier<PlacementPolicy>> policy = factory(annotation.placementPolicy(), PlacementPolicy.class, name);
    Optional<Supplier<MigrationStrategy>> plannedMoves = factory(annotation.plannedMoves(), MigrationStrategy.class,
        name);
    if ((policy.isPresent() || plannedMoves.isPresent()) && !source.usesStrategiesOfTheContext()) {
      throw new ExtensionConfigurationException("@ClusterProperty on " + name + " names a placement policy or a"
          + " planned-move strategy, but its scenario source " + annotation.scenarios().getName() + " does not run on"
          + " the engine; use EngineScenarios (or a subclass) as scenarios");
    }
    PropertyResult<Object> result = property.check((value, info) -> {
      try (Trial trial = source.open(value, new TrialContext(info, coverage, policy, plannedMoves))) {
        Object[] args = Arguments.build(method, resolved, source.parameterTypes(), trial, info, coverage);
        ReflectionSupport.invokeMethod(method, target, args);
        trial.verify();
      }
    });
    extensionContext.getStore(NAMESPACE).put("result", result);
    publish(extensionContext, result);
    if (!result.passed()) {
      throw new PropertyFailure(result.report(), result.counterexample().map(Counterexample::error).orElse(null));
    }
  }

  /**
   * Returns a factory of new instances of {@code type}, or empty when it is the interface itself (the
   * annotation's default); checks once that an instance can be made.
   */
  private static <T> Optional<Supplier<T>> factory(Class<? extends T> type, Class<T> none, String name) {
    if (type == none) {
      return Optional.empty();
    }
    Supplier<T> make = () -> {
      try {
        return ReflectionSupport.newInstance(type);
      } catch (Exception e) { // ReflectionSupport rethrows checked reflection exceptions unchecked
        throw new ExtensionConfigurationException("@ClusterProperty on " + name + " cannot create "
            + none.getSimpleName() + " " + type.getName() + "; it needs a public no-argument constructor", e);
      }
    };
    make.get();
    return Optional.of(make);
  }

  private static void publish(ExtensionContext context, PropertyResult<?> result) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("hvcluster.seed", Seeds.format(result.seed()));
    entries.put("hvcluster.tries", Integer.toString(result.tries()));
    result.counterexample().ifPresent(c -> {
      entries.put("hvcluster.failingTrySeed", Seeds.format(c.failingTry().seed()));
      entries.put("hvcluster.replay", result.replayLine());
    });
    context.publishReportEntry(entries);
  }

  private static String testSelector(ExtensionContext context, Method method) {
    Class<?> type = context.getRequiredTestClass();
    String name = type.getName();
    String pkg = type.getPackageName();
    return (pkg.isEmpty() ? name : name.substring(pkg.length() + 1)) + "#" + method.getName();
  }

  private static Optional<ClusterProperty> annotation(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, ClusterProperty.class));
  }

  private static ScenarioSource<?> source(ExtensionContext context, ClusterProperty annotation) {
    Class<? extends ScenarioSource<?>> type = annotation.scenarios();
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(type, t -> {
      try {
        return ReflectionSupport.newInstance(type);
      } catch (Exception e) { // ReflectionSupport rethrows checked reflection exceptions unchecked
        throw new ExtensionConfigurationException("cannot create scenario source " + type.getName()
            + "; it needs a no-argument constructor", e);
      }
    }, ScenarioSource.class);
  }

  /** Builds each try's argument list. */
  static final class Arguments {
    private Arguments() {}

    static Class<?> match(java.util.Set<Class<?>> supplied, Class<?> parameterType) {
      if (supplied.contains(parameterType)) {
        return parameterType;
      }
      Class<?> only = null;
      for (Class<?> s : supplied) {
        if (parameterType.isAssignableFrom(s)) {
          if (only != null) {
            return null;
          }
          only = s;
        }
      }
      if (only == null) {
        // A parameter of a user's own policy or strategy class: the try supplies it as its interface.
        for (Class<?> s : NARROWABLE) {
          if (supplied.contains(s) && s.isAssignableFrom(parameterType)) {
            return s;
          }
        }
      }
      return only;
    }

    /** Supplied types a parameter may name by a subclass (the try's instance is checked to be one). */
    private static final List<Class<?>> NARROWABLE = List.of(PlacementPolicy.class, MigrationStrategy.class);

    static Object[] build(Method method, List<Object> resolved, java.util.Set<Class<?>> supplied, Trial trial,
        TryInfo info, Coverage coverage) {
      Parameter[] parameters = method.getParameters();
      Object[] args = new Object[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        Class<?> type = parameters[i].getType();
        Class<?> match = match(supplied, type);
        if (type == TryInfo.class) {
          args[i] = info;
        } else if (type == Coverage.class) {
          args[i] = coverage;
        } else if (match != null) {
          args[i] = trial.argument(match);
          if (args[i] != null && !type.isInstance(args[i])) {
            throw new ParameterResolutionException("parameter " + parameters[i] + " of " + method.getName()
                + " wants a " + type.getName() + " but this try's " + match.getSimpleName() + " is a "
                + args[i].getClass().getName());
          }
        } else {
          args[i] = resolved.get(i);
        }
      }
      return args;
    }
  }
}
