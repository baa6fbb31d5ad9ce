package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The prod stack's permissions (roles, secrets, table access) and its limits at the edge. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode resources;
  private TemplateResources res;

  @BeforeAll
  void synthesize() {
    resources =
        JSON.valueToTree(Synthesized.withAllFunctions().template().toJSON()).get("Resources");
    res = new TemplateResources(resources);
  }

  @Nested
  class Permissions {
    private List<JsonNode> statementsOf(String rolePrefix) {
      List<JsonNode> out = new ArrayList<>();
      res.ofType("AWS::IAM::Policy").stream()
          .filter(e -> e.getValue().at("/Properties/Roles/0/Ref").asText().startsWith(rolePrefix))
          .forEach(e -> e.getValue().at("/Properties/PolicyDocument/Statement").forEach(out::add));
      return out;
    }

    private static List<String> actions(JsonNode statement) {
      List<String> out = new ArrayList<>();
      JsonNode a = statement.get("Action");
      if (a.isArray()) {
        a.forEach(x -> out.add(x.asText()));
      } else {
        out.add(a.asText());
      }
      return out;
    }

    @Test
    void noStatement_grantsWildcardActions_andResourceStarOnlyForXRay() {
      for (Map.Entry<String, JsonNode> policy : res.ofType("AWS::IAM::Policy")) {
        for (JsonNode st : policy.getValue().at("/Properties/PolicyDocument/Statement")) {
          assertThat(actions(st)).as(policy.getKey()).noneMatch(a -> a.contains("*"));
          if ("*".equals(st.path("Resource").asText())) {
            assertThat(actions(st)).as(policy.getKey()).allMatch(a -> a.startsWith("xray:"));
          }
        }
      }
    }

    @Test
    void rolesHaveNoManagedPolicies_andWriteOnlyTheirOwnLogGroup() {
      for (PlatformFunction f : PlatformFunction.values()) {
        JsonNode role =
            resources
                .get(res.logicalIdOf("AWS::IAM::Role", f.logicalId() + "Role"))
                .get("Properties");
        assertThat(role.has("ManagedPolicyArns")).as(f.id()).isFalse();
        JsonNode logs =
            statementsOf(f.logicalId() + "Role").stream()
                .filter(st -> actions(st).contains("logs:PutLogEvents"))
                .findFirst()
                .orElseThrow();
        assertThat(logs.at("/Resource/Fn::GetAtt/0").asText()).startsWith(f.logicalId() + "Logs");
      }
    }

    @Test
    void secrets_areReadableOnlyByTheFunctionThatNeedsThem() {
      String signing = res.logicalIdOf("AWS::SecretsManager::Secret", "RegistryTokenSigningKey");
      String google = res.logicalIdOf("AWS::SecretsManager::Secret", "GoogleMapsApiKey");
      assertThat(secretRefs("registry")).containsExactly(signing);
      assertThat(secretRefs("maps")).containsExactly(google);
      assertThat(secretRefs("healthchecker")).isEmpty();
    }

    private List<String> secretRefs(String logicalId) {
      return statementsOf(logicalId + "Role").stream()
          .filter(st -> actions(st).contains("secretsmanager:GetSecretValue"))
          .map(st -> st.at("/Resource/Ref").asText())
          .toList();
    }

    @Test
    void tableAccess_isExactlyTheActionsEachFunctionCalls_onTheKeyPrefixesItOwns() {
      assertThat(itemGrants("registry"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  List.of("SERVER#*", "AUDIT#*"),
                  List.of(
                      "dynamodb:GetItem",
                      "dynamodb:PutItem",
                      "dynamodb:Query",
                      "dynamodb:UpdateItem")));
      assertThat(itemGrants("maps"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  List.of("GEOCODE#*"), List.of("dynamodb:GetItem", "dynamodb:PutItem"),
                  List.of("COUNTER#*"), List.of("dynamodb:GetItem", "dynamodb:UpdateItem")));
      assertThat(itemGrants("healthchecker"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  List.of("SERVER#*"),
                  List.of(
                      "dynamodb:GetItem",
                      "dynamodb:PutItem",
                      "dynamodb:Query",
                      "dynamodb:UpdateItem")));
    }

    @Test
    void indexQueries_areGrantedOnlyOnTheIndexesEachFunctionLists() {
      assertThat(indexGrants("registry"))
          .containsExactlyInAnyOrder("/index/byUpdated", "/index/byChange");
      assertThat(indexGrants("healthchecker")).containsExactly("/index/byUpdated");
      assertThat(indexGrants("maps")).isEmpty();
    }

    @Test
    void noFunction_mayScanDeleteBatchOrReadStreams() {
      for (String f : List.of("registry", "maps", "healthchecker")) {
        assertThat(
                statementsOf(f + "Role").stream()
                    .flatMap(st -> actions(st).stream())
                    .filter(a -> a.startsWith("dynamodb:")))
            .as(f)
            .allMatch(
                a ->
                    List.of(
                            "dynamodb:GetItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:Query")
                        .contains(a));
      }
    }

    /**
     * @return for each table statement, its LeadingKeys patterns and its sorted actions
     */
    private Map<List<String>, List<String>> itemGrants(String logicalId) {
      Map<List<String>, List<String>> grants = new HashMap<>();
      for (JsonNode st : statementsOf(logicalId + "Role")) {
        if (actions(st).stream().noneMatch(a -> a.startsWith("dynamodb:"))
            || !st.has("Condition")) {
          continue;
        }
        assertThat(st.at("/Resource/Fn::GetAtt/0").asText()).startsWith("RegistryTable");
        List<String> keys = new ArrayList<>();
        st.at("/Condition/ForAllValues:StringLike/dynamodb:LeadingKeys")
            .forEach(k -> keys.add(k.asText()));
        grants.put(keys, actions(st).stream().sorted().toList());
      }
      return grants;
    }

    private List<String> indexGrants(String logicalId) {
      List<String> out = new ArrayList<>();
      for (JsonNode st : statementsOf(logicalId + "Role")) {
        if (!actions(st).equals(List.of("dynamodb:Query")) || st.has("Condition")) {
          continue;
        }
        JsonNode resources =
            st.get("Resource").isArray()
                ? st.get("Resource")
                : JSON.createArrayNode().add(st.get("Resource"));
        resources.forEach(r -> out.add(r.at("/Fn::Join/1/1").asText()));
      }
      return out;
    }
  }

  @Nested
  class Edge {
    @Test
    void webAcl_limitsEachSourceIp_andMapsMoreTightly_onTheApiStage() {
      JsonNode acl = res.ofType("AWS::WAFv2::WebACL").get(0).getValue().get("Properties");
      assertThat(acl.get("Scope").asText()).isEqualTo("REGIONAL");
      assertThat(acl.at("/DefaultAction/Allow").isObject()).isTrue();
      JsonNode all = acl.at("/Rules/0/Statement/RateBasedStatement");
      assertThat(all.get("AggregateKeyType").asText()).isEqualTo("IP");
      assertThat(all.get("Limit").asInt()).isEqualTo(EdgeProtection.PER_IP_LIMIT);
      assertThat(all.get("EvaluationWindowSec").asInt()).isEqualTo(300);
      JsonNode maps = acl.at("/Rules/1/Statement/RateBasedStatement");
      assertThat(maps.get("Limit").asInt()).isEqualTo(EdgeProtection.MAPS_PER_IP_LIMIT);
      assertThat(maps.at("/ScopeDownStatement/ByteMatchStatement/SearchString").asText())
          .isEqualTo("/maps/");
      assertThat(acl.at("/Rules/0/Action/Block").isObject()).isTrue();
      assertThat(acl.at("/Rules/1/Action/Block").isObject()).isTrue();

      JsonNode association =
          res.ofType("AWS::WAFv2::WebACLAssociation").get(0).getValue().get("Properties");
      assertThat(association.toString())
          .contains("/stages/", res.logicalIdOf("AWS::ApiGateway::Stage", "McpApi"));
    }
  }
}
