package io.hvcluster.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules that hold the management layer's shape: its feature packages depend on one
 * another in one direction only, and the layer reads the engine through the module's public API, never
 * its internals.
 */
final class ManagementArchitectureTest {
  private static final String MANAGEMENT = "io.hvcluster.core.management";

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.hvcluster.core");

  @Test
  void theManagementFeaturesDependOnOneAnotherInOneDirection() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("shared").definedBy(MANAGEMENT)
        .layer("description").definedBy(MANAGEMENT + ".description..")
        .layer("capacity").definedBy(MANAGEMENT + ".capacity..")
        .layer("validation").definedBy(MANAGEMENT + ".validation..")
        .layer("vmm").definedBy(MANAGEMENT + ".vmm..")
        .whereLayer("shared").mayNotAccessAnyLayer()
        .whereLayer("description").mayOnlyAccessLayers("shared")
        .whereLayer("capacity").mayOnlyAccessLayers("shared", "description")
        .whereLayer("validation").mayOnlyAccessLayers("shared", "description", "capacity")
        .whereLayer("vmm").mayOnlyAccessLayers("shared", "description", "capacity", "validation")
        .because("descriptions are the model every feature reads, the reserve is one of validation's rules, and"
            + " the manager uses them all; a dependency the other way would tie a model to its users")
        .check(CORE);
  }

  @Test
  void managementReadsTheEngineOnlyThroughWhatTheModuleExports() throws IOException, URISyntaxException {
    Set<String> exported = exportedPackages();
    DescribedPredicate<JavaClass> allowed = new DescribedPredicate<>(
        "the JDK, the api, the management layer itself, or a package io.hvcluster.core exports to everyone "
            + exported.stream().sorted().toList()) {
      @Override
      public boolean test(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.isEmpty() || pkg.startsWith("java.") || pkg.startsWith("io.hvcluster.api")
            || pkg.startsWith("org.apiguardian.api") // the compile-only @API status annotation
            || pkg.equals(MANAGEMENT) || pkg.startsWith(MANAGEMENT + ".") || exported.contains(pkg);
      }
    };
    classes().that().resideInAPackage(MANAGEMENT + "..")
        .should().onlyDependOnClassesThat(allowed)
        .because("the management layer works on a cluster as an embedder would, through Simulation and the api"
            + " views, so that the engine's internals can change under it")
        .check(CORE);
  }

  @Test
  void whatTheManagementFeaturesShareIsNotExported() throws IOException, URISyntaxException {
    assertThat(exportedPackages()).as("packages hvcluster-core exports")
        .contains(MANAGEMENT + ".description", MANAGEMENT + ".validation", MANAGEMENT + ".capacity", MANAGEMENT + ".vmm")
        .doesNotContain(MANAGEMENT);
  }

  @Test
  void theEngineDoesNotDependOnTheManagementLayer() {
    noClasses().that().resideInAPackage("io.hvcluster.core..").and().resideOutsideOfPackage(MANAGEMENT + "..")
        .should().dependOnClassesThat().resideInAPackage(MANAGEMENT + "..")
        .because("management sits on top of the engine: SCVMM manages a failover cluster, not the other way round")
        .check(CORE);
  }

  /** Reads the packages hvcluster-core exports without qualification from its compiled module descriptor. */
  private static Set<String> exportedPackages() throws IOException, URISyntaxException {
    Path location = Path.of(Simulation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return exports(location.resolve("module-info.class"));
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return exports(jar.getPath("module-info.class"));
    }
  }

  private static Set<String> exports(Path moduleInfo) throws IOException {
    try (InputStream in = Files.newInputStream(moduleInfo)) {
      return ModuleDescriptor.read(in).exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toUnmodifiableSet());
    }
  }
}
