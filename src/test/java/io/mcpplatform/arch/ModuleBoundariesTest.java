package io.mcpplatform.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module layering: each Lambda function is a leaf (no function module depends on another, in
 * its pom or its classes), and only the MCP client library opens connections to MCP servers: the
 * command-line client, the health checker, the probe and the registry reach them through {@code
 * io.mcpplatform.mcpclient}.
 */
class ModuleBoundariesTest {

  /**
   * The deployable functions; only the local system, which runs them all on a laptop, may depend on
   * them.
   */
  private static final Set<String> FUNCTIONS = Set.of("registry", "maps", "health-checker");

  private static final Set<String> MAY_DEPEND_ON_FUNCTIONS = Set.of("local");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mcpplatform");
  }

  @Test
  void noFunctionModule_dependsOnAnotherFunctionModule_inItsPom() throws Exception {
    Path functions = Path.of(System.getProperty("user.dir")).resolve("../../functions").normalize();
    List<String> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(functions)) {
      for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).toList()) {
        String name = module.getFileName().toString();
        if (MAY_DEPEND_ON_FUNCTIONS.contains(name)) {
          continue;
        }
        for (String dependency : projectDependencies(module.resolve("pom.xml"))) {
          if (FUNCTIONS.contains(dependency)) {
            found.add(name + " -> " + dependency);
          }
        }
      }
    }
    assertThat(found).as("function modules depended on by other modules").isEmpty();
  }

  @Test
  void noFunction_usesAnotherFunctionsClasses() {
    noClasses()
        .that()
        .resideInAPackage("io.mcpplatform.registry..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.mcpplatform.health..", "io.mcpplatform.maps..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.mcpplatform.health..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.mcpplatform.registry..", "io.mcpplatform.maps..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.mcpplatform.maps..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.mcpplatform.registry..", "io.mcpplatform.health..")
        .check(classes);
  }

  @Test
  void onlyTheMcpClientLibrary_opensConnectionsToMcpServers() {
    // the command-line client's model backends (client.llm) call LLM APIs, not MCP servers
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.mcpplatform.client..",
            "io.mcpplatform.health..",
            "io.mcpplatform.probe..",
            "io.mcpplatform.registry..")
        .and()
        .resideOutsideOfPackage("io.mcpplatform.client.llm..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.URLConnection")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.HttpURLConnection")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.net.ssl.HttpsURLConnection")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.Socket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.net.ssl.SSLSocket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.net.SocketFactory")
        .because(
            "MCP sessions, their bounds and the SSRF address pinning live in io.mcpplatform.mcpclient")
        .check(classes);
  }

  @Test
  void theRulesSeeEveryModule() {
    // guards the rules above against passing vacuously on a class path that lacks a module
    for (String pkg :
        List.of(
            "io.mcpplatform.client.mcp",
            "io.mcpplatform.mcpclient",
            "io.mcpplatform.probe",
            "io.mcpplatform.health",
            "io.mcpplatform.registry",
            "io.mcpplatform.maps")) {
      assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
    }
  }

  private static List<String> projectDependencies(Path pom) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    List<String> out = new ArrayList<>();
    NodeList dependencies = project.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      String group = text(d, "groupId");
      if ("io.mcpplatform".equals(group)) {
        out.add(text(d, "artifactId"));
      }
    }
    return out;
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }
}
