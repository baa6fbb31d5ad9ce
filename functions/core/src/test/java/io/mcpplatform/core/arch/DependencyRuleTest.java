package io.mcpplatform.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mcpplatform.core.store.RegistryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain stays free of AWS, Lambda, servlet and MCP SDK types: adapters depend on it, not the
 * reverse.
 */
class DependencyRuleTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() throws Exception {
    // import the compiled main classes only, not every jar on the class path
    Path classes =
        Path.of(RegistryStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(classes);
  }

  @Test
  void core_doesNotDependOnAwsSdkOrLambda() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon..", "com.amazonaws..")
        .check(core);
  }

  @Test
  void core_doesNotDependOnServletOrHttpServers() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..")
        .check(core);
  }

  @Test
  void core_doesNotDependOnTheMcpSdkOrAdapters() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.modelcontextprotocol..",
            "io.mcpplatform.transport..",
            "io.mcpplatform.aws..",
            "io.mcpplatform.embedded..",
            "io.mcpplatform.registry..")
        .check(core);
  }

  @Test
  void core_importedSomething() {
    // guards the rules above against passing vacuously on an empty import
    org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(20);
  }
}
