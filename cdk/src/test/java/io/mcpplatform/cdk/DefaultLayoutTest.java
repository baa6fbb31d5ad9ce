package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The app as `cdk synth` runs it: from cdk/, reading the jars Maven built in this repository. */
class DefaultLayoutTest {

  @Test
  void defaultSettings_readJarsFromTheRepositoryRoot_devStage_everyFunction() {
    App app = McpPlatformApp.newApp(Map.of());
    StackSettings settings = StackSettings.fromContext(app.getNode());
    assertThat(settings.repoRoot()).isEqualTo(Path.of(".."));
    assertThat(settings.stage()).isEqualTo(Stage.DEV);
    assertThat(settings.stackName()).isEqualTo("McpPlatform-dev");
    assertThat(settings.functions()).isEqualTo(EnumSet.allOf(PlatformFunction.class));
    assertThat(settings.webAcl()).isFalse();
    assertThat(settings.reservedConcurrency()).isTrue();
    assertThat(Files.isRegularFile(settings.repoRoot().resolve("functions/registry/pom.xml")))
        .isTrue();
  }

  @Test
  void realLayout_synthesizesEveryFunction_orRefusesNamingWhatToBuild() {
    App app = McpPlatformApp.newApp(Map.of());
    StackSettings settings = StackSettings.fromContext(app.getNode());
    Optional<String> problem =
        EnumSet.allOf(PlatformFunction.class).stream()
            .map(f -> DeployableJars.problem(settings.repoRoot(), f))
            .flatMap(Optional::stream)
            .findFirst();
    if (problem.isPresent()) {
      assertThatThrownBy(() -> McpPlatformApp.buildStack(app, settings))
          .isInstanceOf(DeployableJars.MissingArtifactException.class)
          .hasMessageContaining(problem.get())
          .hasMessageContaining("mvn -B package -DskipTests -pl ");
      return;
    }
    McpPlatformStack stack = McpPlatformApp.buildStack(app, settings);
    String resources = Template.fromStack(stack).toJSON().get("Resources").toString();
    for (PlatformFunction f : PlatformFunction.values()) {
      assertThat(stack.functions()).containsKey(f);
      assertThat(resources).contains(f.handler());
    }
  }

  @Test
  void recommendedFeatureFlags_ofCdkJson_areSetOnTheApp() {
    Map<String, Object> flags = McpPlatformApp.recommendedFlags();
    assertThat(flags)
        .hasSizeGreaterThan(80)
        .containsEntry("@aws-cdk/aws-iam:minimizePolicies", true)
        .containsEntry("@aws-cdk/core:validateAgainstDefaultRules", true);
    App app = McpPlatformApp.newApp(Map.of());
    flags.forEach((k, v) -> assertThat(app.getNode().tryGetContext(k)).as(k).isEqualTo(v));
  }

  @Test
  void functionNames_mapToModuleJarsAndLogicalIds() {
    assertThat(PlatformFunction.byId("health-checker").jar())
        .isEqualTo(Path.of("functions/health-checker/target/health-checker.jar"));
    assertThat(PlatformFunction.HEALTH_CHECKER.logicalId()).matches("[A-Za-z0-9]+");
    assertThatThrownBy(() -> PlatformFunction.byId("mapz"))
        .hasMessageContaining("unknown function 'mapz'");
  }
}
