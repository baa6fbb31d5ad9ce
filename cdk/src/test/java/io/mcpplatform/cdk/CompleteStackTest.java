package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;

/** Complete or nothing: a stack is synthesized with every function it deploys, or not at all. */
class CompleteStackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(PlatformFunction.class)
  void synth_fails_namingTheMissingJarAndItsBuild_whenOneJarIsAbsent(PlatformFunction missing) {
    Set<PlatformFunction> present = EnumSet.allOf(PlatformFunction.class);
    present.remove(missing);
    assertThatThrownBy(() -> Synthesized.synthesize(present, Map.of()))
        .isInstanceOf(DeployableJars.MissingArtifactException.class)
        .hasMessageContaining(missing.id() + ": " + missing.jar() + " does not exist")
        .hasMessageContaining("mvn -B package -DskipTests -pl functions/" + missing.id() + " -am");
  }

  @Test
  void synth_fails_whenAJarIsOlderThanASourceOfAProjectModuleItDependsOn() throws IOException {
    Path root = Synthesized.stubRepository(EnumSet.allOf(PlatformFunction.class));
    Path core = source(root, "functions/core/src/main/java/Core.java", Instant.now());
    Files.writeString(
        root.resolve("functions/registry/pom.xml"),
        "<dependencies><dependency>\n"
            + "  <!-- the domain -->\n  <groupId>io.mcpplatform</groupId>\n  <artifactId>core</artifactId>\n"
            + "</dependency></dependencies>");
    Files.setLastModifiedTime(root.resolve("functions/registry/pom.xml"), old(7200));
    Files.setLastModifiedTime(root.resolve(PlatformFunction.REGISTRY.jar()), old(3600));

    assertThatThrownBy(() -> DeployableJars.check(root, EnumSet.allOf(PlatformFunction.class)))
        .isInstanceOf(DeployableJars.MissingArtifactException.class)
        .hasMessageContaining(
            "registry: "
                + PlatformFunction.REGISTRY.jar()
                + " is older than its sources ("
                + root.relativize(core)
                + " changed after it was built)")
        .hasMessageContaining("-pl functions/registry -am")
        .hasMessageNotContaining("maps:");

    Files.setLastModifiedTime(core, old(7200));
    DeployableJars.check(root, EnumSet.allOf(PlatformFunction.class));
  }

  @Test
  void staleness_ignoresModulesTheFunctionDoesNotDependOn() throws IOException {
    Path root = Synthesized.stubRepository(EnumSet.allOf(PlatformFunction.class));
    Files.setLastModifiedTime(root.resolve(PlatformFunction.MAPS.jar()), old(3600));
    source(root, "functions/registry/src/main/java/Registry.java", Instant.now());
    assertThatThrownBy(() -> DeployableJars.check(root, EnumSet.allOf(PlatformFunction.class)))
        .hasMessageContaining("registry:")
        .hasMessageNotContaining("maps:");
    DeployableJars.check(root, Set.of(PlatformFunction.MAPS));
  }

  @Test
  void withoutMaps_isANamedChoice_thatRemovesItsRoutesSecretScheduleAndOutputs() {
    Synthesized s =
        Synthesized.synthesize(
            EnumSet.of(PlatformFunction.REGISTRY, PlatformFunction.HEALTH_CHECKER),
            Map.of(
                StackSettings.FUNCTIONS,
                "registry,health-checker",
                StackSettings.STAGE,
                "staging"));
    JsonNode t = JSON.valueToTree(s.template().toJSON());
    s.template().resourceCountIs("AWS::Lambda::Function", 2);
    assertThat(t.get("Resources").has("maps")).isFalse();
    assertThat(t.get("Resources").toString())
        .doesNotContain("\"PathPart\":\"maps\"", "google-maps", "/maps/");
    assertThat(t.get("Outputs").has("MapsMcpUrl")).isFalse();
    assertThat(t.get("Outputs").has("GoogleMapsSecretName")).isFalse();
    assertThat(t.get("Outputs").has("RegistryMcpUrl")).isTrue();
    s.template().resourceCountIs("AWS::SecretsManager::Secret", 1);
    s.template().resourceCountIs("AWS::Events::Rule", 1);
    // errors and throttles of two functions, API 5xx, health checker not running
    s.template().resourceCountIs("AWS::CloudWatch::Alarm", 6);
    assertThat(s.annotations().findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
  }

  @Test
  void theRegistry_cannotBeLeftOut() {
    Path root = Synthesized.stubRepository(EnumSet.allOf(PlatformFunction.class));
    assertThatThrownBy(
            () ->
                StackSettings.fromContext(
                    Synthesized.appFor(root, Map.of(StackSettings.FUNCTIONS, "maps,health-checker"))
                        .getNode()))
        .hasMessageContaining("'functions' must include registry");
  }

  @Test
  void theOldRequiredFunctionsKey_isRefused_notSilentlyIgnored() {
    Path root = Synthesized.stubRepository(EnumSet.allOf(PlatformFunction.class));
    assertThatThrownBy(
            () ->
                StackSettings.fromContext(
                    Synthesized.appFor(root, Map.of(StackSettings.REQUIRED_FUNCTIONS, "registry"))
                        .getNode()))
        .hasMessageContaining("-c functions=registry,health-checker");
  }

  @Test
  void unknownStageOrFlagValue_isRefused_namingTheKey() {
    Path root = Synthesized.stubRepository(EnumSet.allOf(PlatformFunction.class));
    assertThatThrownBy(
            () ->
                StackSettings.fromContext(
                    Synthesized.appFor(root, Map.of(StackSettings.STAGE, "production")).getNode()))
        .hasMessageContaining("'stage' must be one of dev, staging, prod");
    assertThatThrownBy(
            () ->
                StackSettings.fromContext(
                    Synthesized.appFor(root, Map.of(StackSettings.WEB_ACL, "yes")).getNode()))
        .hasMessageContaining("'webAcl' must be true or false");
  }

  @Test
  void importedGoogleSecret_isReferencedByName_notCreated() {
    Synthesized imported =
        Synthesized.synthesize(
            EnumSet.allOf(PlatformFunction.class),
            Map.of(StackSettings.GOOGLE_MAPS_SECRET_NAME, "team/google-maps"));
    JsonNode t = JSON.valueToTree(imported.template().toJSON());
    imported.template().resourceCountIs("AWS::SecretsManager::Secret", 1);
    assertThat(
            t.at("/Resources/maps/Properties/Environment/Variables/GOOGLE_MAPS_SECRET_NAME")
                .asText())
        .isEqualTo("team/google-maps");
    assertThat(t.get("Resources").toString()).contains("secret:team/google-maps-??????");
  }

  private static Path source(Path root, String relative, Instant modified) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class X {}");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static FileTime old(long secondsAgo) {
    return FileTime.from(Instant.now().minusSeconds(secondsAgo));
  }
}
