package io.mcpplatform.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpPlatformStackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Template template;
  private JsonNode resources;
  private TemplateResources res;
  private JsonNode outputs;

  @BeforeAll
  void synthesize() {
    Synthesized s = Synthesized.withAllFunctions();
    template = s.template();
    JsonNode root = JSON.valueToTree(template.toJSON());
    resources = root.get("Resources");
    res = new TemplateResources(resources);
    outputs = root.get("Outputs");
  }

  @Nested
  class RegistryTableResource {
    @Test
    void table_isOnDemandWithPointInTimeRecoveryAndTtl() {
      template.hasResourceProperties(
          "AWS::DynamoDB::Table",
          Map.of(
              "BillingMode", "PAY_PER_REQUEST",
              "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
              "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
              "KeySchema",
                  List.of(
                      Map.of("AttributeName", "pk", "KeyType", "HASH"),
                      Map.of("AttributeName", "sk", "KeyType", "RANGE"))));
    }

    @Test
    void table_isRetained_whenStackIsDeleted() {
      template.hasResource(
          "AWS::DynamoDB::Table",
          Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void table_hasListingIndexes_byUpdatedAndByChange() {
      template.hasResourceProperties(
          "AWS::DynamoDB::Table",
          Map.of(
              "GlobalSecondaryIndexes",
              List.of(
                  Map.of(
                      "IndexName",
                      "byUpdated",
                      "Projection",
                      Map.of("ProjectionType", "ALL"),
                      "KeySchema",
                      List.of(
                          Map.of("AttributeName", "gsiPk", "KeyType", "HASH"),
                          Map.of("AttributeName", "updatedKey", "KeyType", "RANGE"))),
                  Map.of(
                      "IndexName",
                      "byChange",
                      "Projection",
                      Map.of("ProjectionType", "ALL"),
                      "KeySchema",
                      List.of(
                          Map.of("AttributeName", "gsiPk", "KeyType", "HASH"),
                          Map.of("AttributeName", "changedKey", "KeyType", "RANGE"))))));
    }
  }

  @Nested
  class Functions {
    @Test
    void functions_haveStableLogicalIds_forSamLocalInvoke() {
      assertThat(res.ofType("AWS::Lambda::Function"))
          .extracting(Map.Entry::getKey)
          .containsExactlyInAnyOrder("registry", "maps", "healthchecker");
    }

    @Test
    void functions_runJava21WithSnapStartTracingAndTheirOwnSettings() {
      for (PlatformFunction f : PlatformFunction.values()) {
        JsonNode p = resources.get(f.logicalId()).get("Properties");
        assertThat(p.get("Runtime").asText()).as(f.id()).isEqualTo("java21");
        assertThat(p.at("/SnapStart/ApplyOn").asText()).as(f.id()).isEqualTo("PublishedVersions");
        // the CRaC priming hooks run inside the runtime's own JVM set-up: no JVM options of ours
        // override it
        assertThat(p.at("/Environment/Variables").has("JAVA_TOOL_OPTIONS")).as(f.id()).isFalse();
        assertThat(p.at("/TracingConfig/Mode").asText()).as(f.id()).isEqualTo("Active");
        assertThat(p.get("Handler").asText()).as(f.id()).isEqualTo(f.handler());
        assertThat(p.get("MemorySize").asInt()).as(f.id()).isEqualTo(f.memoryMb());
        assertThat(p.get("Timeout").asInt())
            .as(f.id())
            .isEqualTo(f.timeout().toSeconds().intValue());
        assertThat(p.at("/LoggingConfig/LogFormat").asText()).as(f.id()).isEqualTo("JSON");
        assertThat(p.at("/LoggingConfig/LogGroup/Ref").asText())
            .as(f.id())
            .startsWith(f.logicalId() + "Logs");
      }
    }

    @Test
    void timeouts_stayBelowApiGatewayLimit_andHealthRunsBelowSchedule() {
      assertThat(PlatformFunction.REGISTRY.timeout().toSeconds().intValue()).isLessThan(29);
      assertThat(PlatformFunction.MAPS.timeout().toSeconds().intValue()).isLessThan(29);
      assertThat(PlatformFunction.HEALTH_CHECKER.timeout().toSeconds().intValue()).isLessThan(300);
    }

    @Test
    void eachFunction_hasAliasLive_onAPublishedVersion() {
      List<Map.Entry<String, JsonNode>> aliases = res.ofType("AWS::Lambda::Alias");
      assertThat(aliases).hasSize(3);
      for (PlatformFunction f : PlatformFunction.values()) {
        JsonNode alias =
            aliases.stream()
                .filter(a -> a.getKey().startsWith(f.logicalId() + "Live"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .get("Properties");
        assertThat(alias.get("Name").asText()).isEqualTo("live");
        assertThat(alias.at("/FunctionName/Ref").asText()).isEqualTo(f.logicalId());
        String version = alias.at("/FunctionVersion/Fn::GetAtt/0").asText();
        assertThat(resources.get(version).get("Type").asText()).isEqualTo("AWS::Lambda::Version");
        assertThat(resources.get(version).at("/Properties/FunctionName/Ref").asText())
            .isEqualTo(f.logicalId());
      }
    }

    @Test
    void eachFunction_reservesItsConcurrency() {
      for (PlatformFunction f : PlatformFunction.values()) {
        assertThat(
                resources.get(f.logicalId()).at("/Properties/ReservedConcurrentExecutions").asInt())
            .as(f.id())
            .isEqualTo(f.reservedConcurrency())
            .isPositive();
      }
      assertThat(PlatformFunction.REGISTRY.reservedConcurrency())
          .isGreaterThan(PlatformFunction.MAPS.reservedConcurrency());
    }

    @Test
    void registryEnvironment_namesTableAndSigningSecret_only() {
      JsonNode env = resources.get("registry").at("/Properties/Environment/Variables");
      assertThat(env.at("/TABLE_NAME/Ref").asText())
          .isEqualTo(res.logicalIdOf("AWS::DynamoDB::Table", "RegistryTable"));
      assertThat(env.get("REGISTRY_URL_POLICY").asText()).isEqualTo("https-only");
      assertThat(env.get("INDEX_REFRESH_MS").asText()).isEqualTo("1000");
      assertThat(env.at("/REGISTRY_SIGNING_SECRET_ARN/Ref").asText())
          .isEqualTo(res.logicalIdOf("AWS::SecretsManager::Secret", "RegistryTokenSigningKey"));
      assertThat(env.get("POWERTOOLS_METRICS_NAMESPACE").asText()).isEqualTo("McpPlatform");
      assertThat(env.get("POWERTOOLS_SERVICE_NAME").asText()).isEqualTo("registry");
    }

    @Test
    void mapsEnvironment_namesGoogleSecret_andHealthCheckerOnlyTheTable() {
      JsonNode maps = resources.get("maps").at("/Properties/Environment/Variables");
      assertThat(maps.get("GOOGLE_MAPS_SECRET_NAME").asText())
          .isEqualTo("McpPlatform-prod/google-maps-api-key");
      assertThat(maps.at("/TABLE_NAME/Ref").asText()).startsWith("RegistryTable");
      JsonNode health = resources.get("healthchecker").at("/Properties/Environment/Variables");
      assertThat(health.at("/TABLE_NAME/Ref").asText()).startsWith("RegistryTable");
      assertThat(health.has("GOOGLE_MAPS_SECRET_NAME")).isFalse();
      assertThat(health.has("REGISTRY_SIGNING_SECRET_ARN")).isFalse();
    }
  }

  @Nested
  class Api {
    private JsonNode methodFor(String pathPart, String parentPart) {
      String resource =
          res.ofType("AWS::ApiGateway::Resource").stream()
              .filter(e -> e.getValue().at("/Properties/PathPart").asText().equals(pathPart))
              .filter(
                  e -> e.getValue().at("/Properties/ParentId/Ref").asText().contains(parentPart))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no resource " + pathPart));
      return res.ofType("AWS::ApiGateway::Method").stream()
          .filter(e -> e.getValue().at("/Properties/ResourceId/Ref").asText().equals(resource))
          .filter(e -> e.getValue().at("/Properties/HttpMethod").asText().equals("ANY"))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no ANY on " + pathPart));
    }

    @Test
    void mcpAndRegistryPaths_routeEveryMethodToTheRightAlias() {
      assertRoute(methodFor("mcp", "registry"), "registry");
      assertRoute(methodFor("{proxy+}", "v01"), "registry");
      assertRoute(methodFor("mcp", "maps"), "maps");
    }

    @Test
    void webCatalog_routesReadOnlyPagesAndAssetsToTheRegistry() {
      List<JsonNode> gets =
          res.ofType("AWS::ApiGateway::Method").stream()
              .map(Map.Entry::getValue)
              .filter(m -> m.at("/Properties/HttpMethod").asText().equals("GET"))
              .toList();
      assertThat(gets).hasSize(3).allSatisfy(m -> assertRoute(m, "registry"));
      assertThat(gets)
          .anySatisfy(
              m ->
                  assertThat(m.at("/Properties/ResourceId/Fn::GetAtt/1").asText())
                      .isEqualTo("RootResourceId"));
      List<String> parts =
          res.ofType("AWS::ApiGateway::Resource").stream()
              .map(e -> e.getValue().at("/Properties/PathPart").asText())
              .toList();
      assertThat(parts).contains("servers", "{name+}", "assets", "{file}");
    }

    @Test
    void webCatalog_greedyServerRoute_carriesToolSchemaPathsToTheRegistry() {
      // /servers/{name}/tools/{tool}/schema needs no route of its own: the greedy {name+} under
      // /servers takes every deeper path
      Map.Entry<String, JsonNode> greedy =
          res.ofType("AWS::ApiGateway::Resource").stream()
              .filter(e -> e.getValue().at("/Properties/PathPart").asText().equals("{name+}"))
              .findFirst()
              .orElseThrow();
      String parent = greedy.getValue().at("/Properties/ParentId/Ref").asText();
      assertThat(
              res.ofType("AWS::ApiGateway::Resource").stream()
                  .filter(e -> e.getKey().equals(parent))
                  .map(
                      e ->
                          e.getValue().at("/Properties/ParentId/Fn::GetAtt/1").asText()
                              + " "
                              + e.getValue().at("/Properties/PathPart").asText()))
          .containsExactly("RootResourceId servers");
      JsonNode get =
          res.ofType("AWS::ApiGateway::Method").stream()
              .map(Map.Entry::getValue)
              .filter(m -> m.at("/Properties/ResourceId/Ref").asText().equals(greedy.getKey()))
              .filter(m -> m.at("/Properties/HttpMethod").asText().equals("GET"))
              .findFirst()
              .orElseThrow();
      assertRoute(get, "registry");
    }

    @Test
    void legacySsePaths_routeToTheFunctionThatNamesItsStreamableHttpUrl() {
      for (String function : List.of("registry", "maps")) {
        assertRoute(methodFor("sse", function), function);
        assertRoute(methodFor("messages", function), function);
      }
    }

    private void assertRoute(JsonNode method, String logicalId) {
      assertThat(method.at("/Properties/Integration/Type").asText()).isEqualTo("AWS_PROXY");
      assertThat(method.at("/Properties/Integration/IntegrationHttpMethod").asText())
          .isEqualTo("POST");
      assertThat(method.at("/Properties/Integration/Uri/Fn::Sub").asText())
          .endsWith("/functions/${" + logicalId + ".Arn}:live/invocations");
      assertThat(method.get("DependsOn").toString()).contains(logicalId + "Live");
    }

    @Test
    void aliases_mayBeInvokedByApiGateway() {
      List<Map.Entry<String, JsonNode>> perms =
          res.ofType("AWS::Lambda::Permission").stream()
              .filter(
                  e ->
                      e.getValue()
                          .at("/Properties/Principal")
                          .asText()
                          .equals("apigateway.amazonaws.com"))
              .toList();
      // the MCP and REST routes, the web catalog's three pages and assets, and the four legacy SSE
      // paths
      assertThat(perms).hasSize(10);
      assertThat(perms)
          .allSatisfy(
              p ->
                  assertThat(p.getValue().at("/Properties/FunctionName/Ref").asText())
                      .contains("Live"));
    }

    @Test
    void stageProd_throttlesLogsAsJsonAndTraces() throws Exception {
      JsonNode stage = res.ofType("AWS::ApiGateway::Stage").get(0).getValue().get("Properties");
      assertThat(stage.get("StageName").asText()).isEqualTo("prod");
      assertThat(stage.get("TracingEnabled").asBoolean()).isTrue();
      JsonNode settings = stage.at("/MethodSettings/0");
      assertThat(settings.get("ThrottlingRateLimit").asDouble()).isEqualTo(McpApi.RATE_LIMIT);
      assertThat(settings.get("ThrottlingBurstLimit").asInt()).isEqualTo(McpApi.BURST_LIMIT);
      assertThat(settings.get("LoggingLevel").asText()).isEqualTo("ERROR");
      assertThat(settings.get("DataTraceEnabled").asBoolean()).isFalse();
      assertThat(settings.get("HttpMethod").asText()).isEqualTo("*");
      JsonNode format = JSON.readTree(stage.at("/AccessLogSetting/Format").asText());
      assertThat(format.get("requestId").asText()).isEqualTo("$context.requestId");
      assertThat(format.get("status").asText()).isEqualTo("$context.status");
      assertThat(stage.at("/AccessLogSetting/DestinationArn/Fn::GetAtt/0").asText())
          .startsWith("McpApiAccessLogs");
    }

    @Test
    void preflight_allowsMcpHeadersFromAnyOrigin() {
      JsonNode options =
          res.ofType("AWS::ApiGateway::Method").stream()
              .filter(e -> e.getValue().at("/Properties/HttpMethod").asText().equals("OPTIONS"))
              .findFirst()
              .orElseThrow()
              .getValue();
      JsonNode params =
          options.at("/Properties/Integration/IntegrationResponses/0/ResponseParameters");
      assertThat(params.get("method.response.header.Access-Control-Allow-Origin").asText())
          .isEqualTo("'*'");
      assertThat(params.get("method.response.header.Access-Control-Allow-Headers").asText())
          .contains("Mcp-Protocol-Version", "Accept", "Content-Type");
      // the REST face changes a server's status with PATCH: a browser's preflight must allow it
      assertThat(params.get("method.response.header.Access-Control-Allow-Methods").asText())
          .contains("PATCH", "POST", "GET", "DELETE");
      template.resourceCountIs("AWS::ApiGateway::GatewayResponse", 2);
    }

    @Test
    void api_isRegional() {
      template.hasResourceProperties(
          "AWS::ApiGateway::RestApi",
          Map.of("EndpointConfiguration", Map.of("Types", List.of("REGIONAL"))));
    }
  }

  @Nested
  class Schedule {
    @Test
    void healthChecker_runsEveryFiveMinutes_throughItsAlias() {
      JsonNode rule = res.ofType("AWS::Events::Rule").get(0).getValue().get("Properties");
      assertThat(rule.get("ScheduleExpression").asText()).isEqualTo("rate(5 minutes)");
      assertThat(rule.at("/Targets/0/Arn/Ref").asText()).startsWith("healthcheckerLive");
      assertThat(rule.at("/Targets/0/RetryPolicy/MaximumRetryAttempts").asInt()).isZero();
    }
  }

  @Nested
  class Secrets {
    @Test
    void googleKeySecret_isCreatedEmpty_withInstructions() {
      JsonNode secret =
          resources
              .get(res.logicalIdOf("AWS::SecretsManager::Secret", "GoogleMapsApiKey"))
              .get("Properties");
      assertThat(secret.get("Name").asText()).isEqualTo("McpPlatform-prod/google-maps-api-key");
      assertThat(secret.get("Description").asText()).contains("put-secret-value");
      assertThat(secret.has("GenerateSecretString")).isFalse();
      assertThat(secret.has("SecretString")).isFalse();
    }

    @Test
    void signingSecret_isGenerated_neverALiteral() {
      JsonNode secret =
          resources
              .get(res.logicalIdOf("AWS::SecretsManager::Secret", "RegistryTokenSigningKey"))
              .get("Properties");
      assertThat(secret.at("/GenerateSecretString/PasswordLength").asInt()).isEqualTo(64);
      assertThat(secret.has("SecretString")).isFalse();
    }
  }

  @Nested
  class Observability {
    @Test
    void alarms_coverErrorsThrottlesApi5xxAndMissingHealthRuns() {
      List<String> descriptions =
          res.ofType("AWS::CloudWatch::Alarm").stream()
              .map(e -> e.getValue().at("/Properties/AlarmDescription").asText())
              .toList();
      assertThat(descriptions).hasSize(8);
      for (PlatformFunction f : PlatformFunction.values()) {
        template.hasResourceProperties(
            "AWS::CloudWatch::Alarm",
            Match.objectLike(
                Map.of(
                    "MetricName",
                    "Errors",
                    "Namespace",
                    "AWS/Lambda",
                    "Dimensions",
                    List.of(
                        Map.of("Name", "FunctionName", "Value", Map.of("Ref", f.logicalId()))))));
        template.hasResourceProperties(
            "AWS::CloudWatch::Alarm",
            Match.objectLike(
                Map.of(
                    "MetricName",
                    "Throttles",
                    "Dimensions",
                    List.of(
                        Map.of("Name", "FunctionName", "Value", Map.of("Ref", f.logicalId()))))));
      }
      template.hasResourceProperties(
          "AWS::CloudWatch::Alarm",
          Match.objectLike(Map.of("MetricName", "5XXError", "Namespace", "AWS/ApiGateway")));
      template.hasResourceProperties(
          "AWS::CloudWatch::Alarm",
          Match.objectLike(
              Map.of(
                  "MetricName",
                  "Invocations",
                  "ComparisonOperator",
                  "LessThanThreshold",
                  "TreatMissingData",
                  "breaching")));
    }

    @Test
    void dashboard_showsTheRegistryMetrics() {
      String body =
          res.ofType("AWS::CloudWatch::Dashboard")
              .get(0)
              .getValue()
              .at("/Properties/DashboardBody")
              .toString();
      assertThat(body)
          .contains(
              "McpPlatform",
              "SearchRequests",
              "SearchLatency",
              "TotalServers",
              "RegistrationErrors",
              "Service",
              "registry");
    }
  }

  @Nested
  class Outputs {
    @Test
    void outputs_printApiUrlAndEveryMcpEndpoint() {
      assertThat(outputs.fieldNames())
          .toIterable()
          .contains(
              "ApiUrl", "RegistryMcpUrl", "RegistryApiUrl", "MapsMcpUrl", "GoogleMapsSecretName");
      assertThat(outputs.at("/RegistryMcpUrl/Value").toString()).contains("/registry/mcp");
      assertThat(outputs.at("/MapsMcpUrl/Value").toString()).contains("/maps/mcp");
      assertThat(outputs.at("/RegistryApiUrl/Value").toString()).contains("/v0.1/servers");
      assertThat(outputs.has("McpApiEndpoint13A15CDF")).isFalse();
    }
  }

  @Test
  void synth_isDeterministic_whenRunTwiceOnTheSameJars() {
    Synthesized first = Synthesized.withAllFunctions();
    Synthesized again =
        Synthesized.synthesize(
            EnumSet.allOf(PlatformFunction.class), Map.of(StackSettings.STAGE, "prod"));
    String a = JSON.valueToTree(first.template().toJSON()).toString();
    String b = JSON.valueToTree(again.template().toJSON()).toString();
    assertThat(b).isEqualTo(a);
    assertThat(a).doesNotContain("CDKMetadata");
  }
}
