package io.hvcluster.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.hvcluster.core.defect.Defects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules that a grep cannot hold: determinism in core, the direction of dependencies between
 * the engine's feature packages, entities that own their state, and one gate per deliberate defect.
 */
final class ArchitectureTest {
  private static final String ENGINE = "io.hvcluster.core.cluster";

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.hvcluster.core", "io.hvcluster.api");

  /**
   * What each package of the engine may use besides the API, the JDK, the kernel ({@code core.sim}) and
   * itself: each depends only on those before it in this table, so the parts can be read bottom up. The
   * kernel itself uses no other part of core.
   */
  static final Map<String, List<String>> ALLOWED = allowed();
  /** The @API status annotation: compile-only (requires static), so no runtime dependency. */
  static final String API_STATUS = "org.apiguardian.api..";

  private static Map<String, List<String>> allowed() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("io.hvcluster.core.sim", List.of());
    m.put(ENGINE + ".model", List.of());
    m.put(ENGINE + ".availability", List.of(ENGINE + ".model"));
    m.put(ENGINE + ".memory", List.of(ENGINE + ".model", "io.hvcluster.core.memory"));
    m.put(ENGINE + ".bandwidth", List.of(ENGINE + ".model"));
    m.put(ENGINE + ".lifecycle", List.of(ENGINE + ".model", ENGINE + ".memory", ENGINE + ".bandwidth"));
    m.put(ENGINE + ".membership", List.of(ENGINE + ".model", ENGINE + ".availability", ENGINE + ".lifecycle",
        "io.hvcluster.core.defect"));
    m.put(ENGINE + ".storage", List.of(ENGINE + ".model", ENGINE + ".membership", "io.hvcluster.core.defect"));
    m.put(ENGINE + ".migration", List.of(ENGINE + ".model", ENGINE + ".availability", ENGINE + ".memory",
        ENGINE + ".bandwidth", ENGINE + ".lifecycle", ENGINE + ".membership", ENGINE + ".storage"));
    m.put(ENGINE + ".failover", List.of(ENGINE + ".model", ENGINE + ".availability", ENGINE + ".memory",
        ENGINE + ".lifecycle",
        ENGINE + ".membership", ENGINE + ".storage", ENGINE + ".migration", "io.hvcluster.core.placement",
        "io.hvcluster.core.defect"));
    return m;
  }

  @Test
  void coreNeverReadsTheWallClockOrUnseededRandomness() {
    noClasses().that().resideInAPackage("io.hvcluster.core..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callConstructor(java.util.Random.class)
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .because("a simulation must replay from its seed (DESIGN.md section 3)")
        .check(CORE);
  }

  @Test
  void theApiDependsOnNothingButTheJdk() {
    noClasses().that().resideInAPackage("io.hvcluster.api..")
        .should().dependOnClassesThat().resideOutsideOfPackages("io.hvcluster.api..", "java..", API_STATUS)
        .because("hvcluster-api has no runtime dependencies (the @API status annotation is compile-only)")
        .check(CORE);
  }

  @Test
  void corePackagesHaveNoCycles() {
    SlicesRuleDefinition.slices().matching("io.hvcluster.core.(*)..").should().beFreeOfCycles().check(
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hvcluster.core"));
  }

  @Test
  void theEnginesFeaturePackagesHaveNoCycles() {
    SlicesRuleDefinition.slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void eachEnginePackageUsesOnlyThePackagesBelowIt() {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
      EvaluationResult result = dependencyRule(e.getKey(), e.getValue()).evaluate(CORE);
      if (result.hasViolation()) {
        violations.add(result.getFailureReport().toString());
      }
    }
    assertThat(violations).as("dependencies outside ArchitectureTest.ALLOWED").isEmpty();
  }

  /** The rule that {@code pkg} depends only on {@code allowed}, the API, the JDK, the kernel and itself. */
  static ArchRule dependencyRule(String pkg, List<String> allowed) {
    List<String> packages = new ArrayList<>(allowed);
    packages.add(pkg);
    packages.add("io.hvcluster.core.sim");
    packages.add("io.hvcluster.api..");
    packages.add("java..");
    packages.add(API_STATUS);
    return classes().that().resideInAPackage(pkg)
        .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(new String[0]))
        .because(pkg + " may use only " + allowed + " of the engine (see ArchitectureTest.ALLOWED)");
  }

  @Test
  void onlyTheSimulationReachesIntoTheEngine() {
    noClasses().that().resideOutsideOfPackages(ENGINE + "..").and().doNotHaveFullyQualifiedName(
            Simulation.class.getName())
        .should().dependOnClassesThat().resideInAPackage(ENGINE + "..")
        .because("the engine is internal: the exported packages and the rest of core use it through the API")
        .check(CORE);
  }

  @Test
  void noFieldOfTheEngineIsWrittenFromOutsideItsClass() {
    fieldsWrittenOnlyByTheirOwner().check(CORE);
  }

  /**
   * The rule that every field of a class of the engine is written only by that class (or a class nested
   * in it): an entity's state changes through its own intention methods, never from another class.
   */
  static ArchRule fieldsWrittenOnlyByTheirOwner() {
    return noClasses().that().resideInAPackage(ENGINE + "..")
        .should().setFieldWhere(new DescribedPredicate<JavaFieldAccess>("the field belongs to another class") {
          @Override
          public boolean test(JavaFieldAccess access) {
            JavaClass owner = access.getTargetOwner();
            return owner.getPackageName().startsWith(ENGINE)
                && !outermost(owner).equals(outermost(access.getOriginOwner()));
          }
        })
        .because("each class of the engine owns its state; others change it through its methods");
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /** The engine's model with the test fixtures in {@code ArchitectureViolations.java}, which breach the rules. */
  private static final JavaClasses MODEL_WITH_VIOLATIONS = new ClassFileImporter()
      .importPackages(ENGINE + ".model");

  @Test
  void theFieldRuleCatchesAFieldWrittenFromAnotherClass() {
    EvaluationResult result = fieldsWrittenOnlyByTheirOwner().evaluate(MODEL_WITH_VIOLATIONS);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).singleElement().asString()
        .contains("FieldIntruder.poke").contains("ViolatedOwner.state");
  }

  @Test
  void theDependencyRuleCatchesTheModelUsingAFeature() {
    String model = ENGINE + ".model";
    EvaluationResult result = dependencyRule(model, ALLOWED.get(model)).evaluate(MODEL_WITH_VIOLATIONS);
    assertThat(result.getFailureReport().getDetails()).isNotEmpty()
        .allSatisfy(d -> assertThat(d).contains("ArchitectureViolations").contains("failover.Failover"));
  }

  @Test
  void eachDefectIsAskedAtOneGate() {
    gate("skipsStorageArbitration", ENGINE + ".storage.Reservations");
    gate("ignoresQuorum", ENGINE + ".membership.NodeService");
    gate("placesOnPausedNodes", ENGINE + ".failover.GroupPlacement");
  }

  private static void gate(String question, String gate) {
    noClasses().that().doNotHaveFullyQualifiedName(gate)
        .should().callMethodWhere(new DescribedPredicate<JavaAccess<?>>("it asks Defects." + question) {
          @Override
          public boolean test(JavaAccess<?> access) {
            return access.getTargetOwner().isEquivalentTo(Defects.class) && access.getName().equals(question);
          }
        })
        .because("a deliberate defect bends the engine at one gate only, " + gate)
        .check(CORE);
  }
}
