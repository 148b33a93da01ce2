package io.hvcluster.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** Architecture rules that a grep cannot hold: determinism in core, and the direction of dependencies. */
final class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.hvcluster.core", "io.hvcluster.api");

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
        .should().dependOnClassesThat().resideOutsideOfPackages("io.hvcluster.api..", "java..")
        .because("hvcluster-api has no runtime dependencies")
        .check(CORE);
  }

  @Test
  void corePackagesHaveNoCycles() {
    SlicesRuleDefinition.slices().matching("io.hvcluster.core.(*)..").should().beFreeOfCycles().check(
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hvcluster.core"));
  }
}
