package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;

/** Only the registry is built: the stack still synthesizes, and says what it left out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartialStackTest {

  private Synthesized registryOnly;
  private JsonNode template;

  @BeforeAll
  void synthesize() {
    registryOnly = Synthesized.synthesize(EnumSet.of(PlatformFunction.REGISTRY), Map.of());
    template = new ObjectMapper().valueToTree(registryOnly.template().toJSON());
  }

  @Test
  void missingJars_areSkipped_withAWarningNamingTheJar() {
    assertThat(registryOnly.annotations().findWarning("*", Match.stringLikeRegexp(".*maps is not in this stack.*"
        + "functions/maps/target/maps.jar.*"))).hasSize(1);
    assertThat(registryOnly.annotations().findWarning("*", Match.stringLikeRegexp(
        ".*health-checker is not in this stack.*"))).hasSize(1);
    registryOnly.template().resourceCountIs("AWS::Lambda::Function", 1);
    assertThat(template.at("/Resources/registry/Type").asText()).isEqualTo("AWS::Lambda::Function");
  }

  @Test
  void withoutMapsAndHealthChecker_thereIsNoMapsRouteNoScheduleNoMapsOutput() {
    registryOnly.template().resourceCountIs("AWS::Events::Rule", 0);
    assertThat(template.get("Outputs").has("MapsMcpUrl")).isFalse();
    assertThat(template.get("Outputs").has("RegistryMcpUrl")).isTrue();
    assertThat(template.get("Resources").toString()).doesNotContain("\"PathPart\":\"maps\"");
    registryOnly.template().resourceCountIs("AWS::CloudWatch::Alarm", 3);
  }

  @Test
  void partialStack_passesCdkNag() {
    assertThat(registryOnly.annotations().findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
  }

  @Test
  void requiredFunctionMissing_isASynthError() {
    Synthesized strict = Synthesized.synthesize(EnumSet.of(PlatformFunction.REGISTRY),
        Map.of(StackSettings.REQUIRED_FUNCTIONS, "registry,maps"));
    assertThat(strict.annotations().findError("*", Match.stringLikeRegexp(".*maps is not in this stack.*")))
        .hasSize(1);
    assertThat(strict.annotations().findError("*", Match.stringLikeRegexp(".*registry is not in this stack.*")))
        .isEmpty();
  }

  @Test
  void importedGoogleSecret_isReferencedByName_notCreated() {
    Synthesized imported = Synthesized.synthesize(EnumSet.of(PlatformFunction.REGISTRY, PlatformFunction.MAPS),
        Map.of(StackSettings.GOOGLE_MAPS_SECRET_NAME, "team/google-maps"));
    JsonNode t = new ObjectMapper().valueToTree(imported.template().toJSON());
    imported.template().resourceCountIs("AWS::SecretsManager::Secret", 1);
    assertThat(t.at("/Resources/maps/Properties/Environment/Variables/GOOGLE_MAPS_SECRET_NAME").asText())
        .isEqualTo("team/google-maps");
    assertThat(t.get("Resources").toString()).contains("secret:team/google-maps-??????");
  }
}
