package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;

/**
 * One app, one stack per stage, each with its own retention, recovery, protection and alarm
 * routing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<Stage, Synthesized> stacks = new EnumMap<>(Stage.class);
  private final Map<Stage, JsonNode> templates = new EnumMap<>(Stage.class);

  @BeforeAll
  void synthesizeEveryStage() {
    for (Stage stage : Stage.values()) {
      Synthesized s =
          stage == Stage.PROD
              ? Synthesized.withAllFunctions()
              : Synthesized.synthesize(
                  EnumSet.allOf(PlatformFunction.class),
                  stage == Stage.DEV ? Map.of() : Map.of(StackSettings.STAGE, stage.id()));
      stacks.put(stage, s);
      templates.put(stage, JSON.valueToTree(s.template().toJSON()));
    }
  }

  private List<JsonNode> ofType(Stage stage, String type) {
    List<JsonNode> found = new ArrayList<>();
    templates
        .get(stage)
        .get("Resources")
        .forEach(
            r -> {
              if (type.equals(r.path("Type").asText())) {
                found.add(r);
              }
            });
    return found;
  }

  @Test
  void eachStage_isItsOwnStack_andApiStage_devByDefault() {
    assertThat(stacks.get(Stage.DEV).stack().getStackName()).isEqualTo("McpPlatform-dev");
    assertThat(stacks.get(Stage.STAGING).stack().getStackName()).isEqualTo("McpPlatform-staging");
    assertThat(stacks.get(Stage.PROD).stack().getStackName()).isEqualTo("McpPlatform-prod");
    for (Stage stage : Stage.values()) {
      assertThat(
              ofType(stage, "AWS::ApiGateway::Stage").get(0).at("/Properties/StageName").asText())
          .isEqualTo(stage.id());
    }
  }

  @Test
  void dev_isDestroyable_withoutRecoveryOrProtection_andShortLogs() {
    JsonNode table = ofType(Stage.DEV, "AWS::DynamoDB::Table").get(0);
    assertThat(table.get("DeletionPolicy").asText()).isEqualTo("Delete");
    assertThat(table.get("UpdateReplacePolicy").asText()).isEqualTo("Delete");
    assertThat(
            table
                .at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                .asBoolean())
        .isFalse();
    assertThat(table.at("/Properties/DeletionProtectionEnabled").asBoolean(false)).isFalse();
    assertRetention(Stage.DEV, 7);
    assertThat(ofType(Stage.DEV, "AWS::WAFv2::WebACL")).isEmpty();
    assertThat(ofType(Stage.DEV, "AWS::SNS::Topic")).isEmpty();
    assertThat(ofType(Stage.DEV, "AWS::CloudWatch::Alarm"))
        .allSatisfy(a -> assertThat(a.at("/Properties/AlarmActions").isMissingNode()).isTrue());
    // nothing but the account-wide API Gateway logging role (and its account setting) stays after
    // cdk destroy
    List<String> retained = new ArrayList<>();
    templates
        .get(Stage.DEV)
        .get("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("DeletionPolicy").asText().equals("Retain")) {
                retained.add(e.getValue().get("Type").asText());
              }
            });
    assertThat(retained).containsExactlyInAnyOrder("AWS::IAM::Role", "AWS::ApiGateway::Account");
  }

  @Test
  void staging_hasRecoveryAndTheWebAcl_butIsDestroyable() {
    JsonNode table = ofType(Stage.STAGING, "AWS::DynamoDB::Table").get(0);
    assertThat(table.get("DeletionPolicy").asText()).isEqualTo("Delete");
    assertThat(
            table
                .at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                .asBoolean())
        .isTrue();
    assertRetention(Stage.STAGING, 30);
    assertThat(ofType(Stage.STAGING, "AWS::WAFv2::WebACL")).hasSize(1);
  }

  @Test
  void prod_retainsAndProtectsTheTable_withRecovery_longLogs_andAlarmsToATopic() {
    JsonNode table = ofType(Stage.PROD, "AWS::DynamoDB::Table").get(0);
    assertThat(table.get("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(table.get("UpdateReplacePolicy").asText()).isEqualTo("Retain");
    assertThat(
            table
                .at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                .asBoolean())
        .isTrue();
    assertThat(table.at("/Properties/DeletionProtectionEnabled").asBoolean()).isTrue();
    assertRetention(Stage.PROD, 180);
    assertThat(ofType(Stage.PROD, "AWS::WAFv2::WebACL")).hasSize(1);

    List<JsonNode> topics = ofType(Stage.PROD, "AWS::SNS::Topic");
    assertThat(topics).hasSize(1);
    assertThat(topics.get(0).at("/Properties/KmsMasterKeyId/Fn::GetAtt/0").asText())
        .startsWith("AlarmTopicKey");
    String topicId = logicalId(Stage.PROD, "AWS::SNS::Topic");
    List<JsonNode> alarms = ofType(Stage.PROD, "AWS::CloudWatch::Alarm");
    assertThat(alarms)
        .hasSize(8)
        .allSatisfy(
            a -> assertThat(a.at("/Properties/AlarmActions/0/Ref").asText()).isEqualTo(topicId));
    assertThat(templates.get(Stage.PROD).get("Outputs").has("AlarmTopicArn")).isTrue();
    // CloudWatch may use the topic's key, so the alarms' notifications are not dropped
    assertThat(ofType(Stage.PROD, "AWS::KMS::Key").get(0).at("/Properties/KeyPolicy").toString())
        .contains("cloudwatch.amazonaws.com", "kms:GenerateDataKey*");
  }

  @Test
  void prod_withAGivenTopic_notifiesIt_andCreatesNone() {
    String arn = "arn:aws:sns:eu-west-1:123456789012:oncall";
    Synthesized s =
        Synthesized.synthesize(
            EnumSet.allOf(PlatformFunction.class),
            Map.of(StackSettings.STAGE, "prod", StackSettings.ALARM_TOPIC_ARN, arn));
    JsonNode t = JSON.valueToTree(s.template().toJSON());
    s.template().resourceCountIs("AWS::SNS::Topic", 0);
    t.get("Resources")
        .forEach(
            r -> {
              if (r.path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
                assertThat(r.at("/Properties/AlarmActions/0").asText()).isEqualTo(arn);
              }
            });
  }

  @Test
  void everyStage_synthesizesWithTheAppsRules_withoutError() {
    for (Stage stage : Stage.values()) {
      McpPlatformApp.synthesize((App) stacks.get(stage).stack().getNode().getRoot());
    }
  }

  private void assertRetention(Stage stage, int days) {
    List<JsonNode> groups = ofType(stage, "AWS::Logs::LogGroup");
    assertThat(groups).hasSize(4);
    groups.forEach(
        g ->
            assertThat(g.at("/Properties/RetentionInDays").asInt()).as(stage.id()).isEqualTo(days));
  }

  private String logicalId(Stage stage, String type) {
    List<String> ids = new ArrayList<>();
    templates
        .get(stage)
        .get("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                ids.add(e.getKey());
              }
            });
    return ids.get(0);
  }
}
