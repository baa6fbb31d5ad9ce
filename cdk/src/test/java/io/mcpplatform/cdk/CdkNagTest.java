package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

class CdkNagTest {

  private static List<String> describe(List<SynthesisMessage> messages) {
    return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
  }

  @Test
  void awsSolutionsPack_reportsNoErrors() {
    Synthesized s = Synthesized.withAllFunctions();
    assertThat(describe(s.annotations().findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
  }

  @Test
  void awsSolutionsPack_reportsNoWarnings() {
    Synthesized s = Synthesized.withAllFunctions();
    assertThat(describe(s.annotations().findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
  }

  @Test
  void everySuppression_carriesAWrittenReason() {
    JsonNode resources = new ObjectMapper().valueToTree(Synthesized.withAllFunctions().template().toJSON())
        .get("Resources");
    List<JsonNode> suppressions = new ArrayList<>();
    resources.forEach(r -> r.at("/Metadata/cdk_nag/rules_to_suppress").forEach(suppressions::add));
    assertThat(suppressions).isNotEmpty();
    assertThat(suppressions).allSatisfy(sup ->
        assertThat(sup.path("reason").asText()).as(sup.toString()).hasSizeGreaterThan(60));
  }
}
