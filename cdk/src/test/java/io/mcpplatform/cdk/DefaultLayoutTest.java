package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The app as `cdk synth` runs it: from cdk/, reading the jars Maven built in this repository. */
class DefaultLayoutTest {

  @Test
  void defaultSettings_readJarsFromTheRepositoryRoot() {
    App app = McpPlatformApp.newApp(Map.of());
    StackSettings settings = StackSettings.fromContext(app.getNode());
    assertThat(settings.repoRoot()).isEqualTo(Path.of(".."));
    assertThat(settings.requiredFunctions()).isEmpty();
    assertThat(Files.isRegularFile(settings.repoRoot().resolve("functions/registry/pom.xml"))).isTrue();
  }

  @Test
  void realLayout_includesEachFunction_exactlyWhenItsJarIsBuilt() {
    App app = McpPlatformApp.newApp(Map.of());
    McpPlatformStack stack = McpPlatformApp.buildStack(app, StackSettings.fromContext(app.getNode()));
    Template template = Template.fromStack(stack);
    for (PlatformFunction f : PlatformFunction.values()) {
      boolean built = Files.isRegularFile(Path.of("..").resolve(f.jar()));
      assertThat(stack.functions().containsKey(f)).as(f.id()).isEqualTo(built);
      assertThat(template.toJSON().get("Resources").toString().contains(f.handler())).as(f.id()).isEqualTo(built);
    }
  }

  @Test
  void functionNames_mapToModuleJarsAndLogicalIds() {
    assertThat(PlatformFunction.byId("health-checker").jar())
        .isEqualTo(Path.of("functions/health-checker/target/health-checker.jar"));
    assertThat(PlatformFunction.HEALTH_CHECKER.logicalId()).matches("[A-Za-z0-9]+");
    assertThatThrownBy(() -> PlatformFunction.byId("mapz")).hasMessageContaining("unknown function 'mapz'");
  }
}
