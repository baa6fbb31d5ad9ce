package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.sqs.Queue;

class CdkNagTest {

  private static List<String> describe(List<SynthesisMessage> messages) {
    return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
  }

  @Test
  void awsSolutionsPack_reportsNoErrors() {
    Synthesized s = Synthesized.withAllFunctions();
    assertThat(describe(s.annotations().findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))))
        .isEmpty();
  }

  @Test
  void awsSolutionsPack_reportsNoWarnings() {
    Synthesized s = Synthesized.withAllFunctions();
    assertThat(
            describe(s.annotations().findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))))
        .isEmpty();
  }

  @Test
  void anUnsuppressedFinding_failsSynth_namingTheRule() {
    App app =
        Synthesized.appFor(
            Synthesized.stubRepository(EnumSet.allOf(PlatformFunction.class)), Map.of());
    McpPlatformStack stack =
        McpPlatformApp.buildStack(app, StackSettings.fromContext(app.getNode()));
    // a test-only construct the pack finds fault with: a queue without a dead-letter queue or TLS
    // enforcement
    new Queue(stack, "TestOnlyUnguardedQueue");
    McpPlatformApp.applyRules(app);
    assertThatThrownBy(() -> McpPlatformApp.synthesize(app))
        .isInstanceOf(McpPlatformApp.RuleViolationException.class)
        .hasMessageContaining("TestOnlyUnguardedQueue")
        .hasMessageContaining("AwsSolutions-SQS4")
        .hasMessageContaining("suppression with its reason in NagRules");
  }

  @Test
  void everySuppression_carriesAWrittenReason() {
    JsonNode resources =
        new ObjectMapper()
            .valueToTree(Synthesized.withAllFunctions().template().toJSON())
            .get("Resources");
    List<JsonNode> suppressions = new ArrayList<>();
    resources.forEach(r -> r.at("/Metadata/cdk_nag/rules_to_suppress").forEach(suppressions::add));
    assertThat(suppressions).isNotEmpty();
    assertThat(suppressions)
        .allSatisfy(
            sup ->
                assertThat(sup.path("reason").asText()).as(sup.toString()).hasSizeGreaterThan(60));
  }
}
