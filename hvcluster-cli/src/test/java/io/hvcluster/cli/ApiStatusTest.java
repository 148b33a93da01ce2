package io.hvcluster.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the published modules (api, core, testkit, json, campaign, grid-hazelcast and this
 * one; not the examples or the benchmarks) carries an {@link API} status marker, as JUnit's do, so an
 * embedder can tell a stable contract from an experimental or internal one. This module's tests see every published module's
 * classes, so the rule lives here.
 */
final class ApiStatusTest {
  private static final JavaClasses PUBLISHED = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.hvcluster.api", "io.hvcluster.core", "io.hvcluster.testkit", "io.hvcluster.json",
          "io.hvcluster.campaign", "io.hvcluster.grid.hazelcast", "io.hvcluster.cli");

  @Test
  void everyPublicTypeOfThePublishedModulesCarriesAnApiStatus() {
    classes().that().arePublic().and().doNotHaveSimpleName("package-info").and().doNotHaveSimpleName("module-info")
        .and().resideOutsideOfPackage("io.hvcluster.api.fake..") // the api's test fixtures, not published API
        .should().beAnnotatedWith(API.class)
        .because("every public type of a published module says whether it is STABLE, EXPERIMENTAL, INTERNAL or"
            + " DEPRECATED (org.apiguardian @API, as JUnit does)")
        .allowEmptyShould(false).check(PUBLISHED);
  }

  @Test
  void theMarkersAreFoundOnTheClassesTheRuleChecks() {
    classes().that().haveFullyQualifiedName("io.hvcluster.api.placement.PlacementPolicy").should()
        .beAnnotatedWith(API.class).allowEmptyShould(false).check(PUBLISHED);
    // The grid module is a runtime dependency of the tool, so its classes must be here to be checked.
    classes().that().haveFullyQualifiedName("io.hvcluster.grid.hazelcast.HazelcastEngine").should()
        .beAnnotatedWith(API.class).allowEmptyShould(false).check(PUBLISHED);
  }
}
