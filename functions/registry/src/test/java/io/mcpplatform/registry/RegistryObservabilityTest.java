package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.aws.lambda.testing.CapturedOutput;
import io.mcpplatform.core.access.Permission;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.secrets.SecretSource;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.core.testing.ProxyResponse;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.registry.auth.SecretSigningKey;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's Lambda handler as deployed: JSON log lines carrying the request id, the
 * dashboard's EMF metrics, no secret in any line, and the SnapStart hooks.
 */
class RegistryObservabilityTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SIGNING_KEY = "signing-key-held-in-secrets-manager-0123456789";

  @TempDir Path dataDir;

  private final AtomicInteger keyReads = new AtomicInteger();
  private RegistryApp app;
  private RegistryHandler handler;

  @BeforeEach
  void start() {
    SecretSource secrets =
        name -> {
          keyReads.incrementAndGet();
          return SIGNING_KEY;
        };
    RegistryConfig config =
        new RegistryConfig(null, null, null, dataDir, UrlPolicy.HTTPS_ONLY, Duration.ZERO);
    LambdaObservability observability =
        LambdaObservability.withTracer(RegistryHandler.SERVICE, null);
    app =
        new RegistryApp(
            FileRegistryStore.open(dataDir),
            config,
            null,
            RegistryApp.defaultProbe(config),
            new SecretSigningKey(
                secrets, "registry/signing-key", Duration.ofMinutes(5), Clock.systemUTC()),
            Clock.systemUTC(),
            observability);
    handler = new RegistryHandler(app, observability);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void invocations_logJsonWithTheRequestId_andEmitTheDashboardMetrics_withoutSecrets()
      throws Exception {
    String token =
        app.tokens()
            .issue(
                "alice", List.of(new Permission(Permission.PUBLISH, "*")), Duration.ofMinutes(5));

    ProxyResponse[] answers = new ProxyResponse[3];
    CapturedOutput output =
        CapturedOutput.of(
            () -> {
              byte[] register = EventFiles.read("registry", "register-server.json");
              answers[0] = invoke(ExampleEvents.withToken(register, token), "req-register");
              answers[1] = invoke(ExampleEvents.withToken(register, token + "x"), "req-forged");
              answers[2] = invoke(EventFiles.read("registry", "search-servers.json"), "req-search");
            });

    assertThat(answers[0].isError()).isFalse();
    assertThat(answers[1].raw).contains("token");
    assertThat(answers[2].structured().at("/total").asInt()).isEqualTo(1);
    assertThat(output.text()).doesNotContain(SIGNING_KEY).doesNotContain(token);
    List<JsonNode> logs = output.logLines();
    assertThat(logs)
        .isNotEmpty()
        .allSatisfy(
            line -> {
              assertThat(line.path("service").asString()).isEqualTo("registry");
              assertThat(line.path("function_name").asString()).isEqualTo("registry");
              assertThat(line.has("cold_start")).isTrue();
            });
    assertThat(logs)
        .extracting(line -> line.path("function_request_id").asString())
        .contains("req-forged");

    List<JsonNode> metrics = output.metricLines();
    assertThat(metrics)
        .hasSize(3)
        .allSatisfy(
            emf -> {
              assertThat(emf.at("/_aws/CloudWatchMetrics/0/Namespace").asString())
                  .isEqualTo("McpPlatform");
              assertThat(emf.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asString())
                  .isEqualTo("Service");
              assertThat(emf.path("Service").asString()).isEqualTo("registry");
              assertThat(emf.path("TotalServers").asInt()).isEqualTo(1);
            });
    assertThat(metrics.get(0).path("RegistrationErrors").asInt()).isZero();
    assertThat(metrics.get(1).path("RegistrationErrors").asInt()).isEqualTo(1);
    JsonNode search = metrics.get(2);
    assertThat(search.path("SearchRequests").asInt()).isEqualTo(1);
    assertThat(search.path("SearchLatency").asDouble()).isPositive();
    assertThat(units(search))
        .containsEntry("SearchRequests", "Count")
        .containsEntry("SearchLatency", "Milliseconds")
        .containsEntry("TotalServers", "Count");
  }

  @Test
  void beforeCheckpoint_runsInitializeAndToolsListThroughTheHandler() throws Exception {
    CapturedOutput output = CapturedOutput.of(() -> handler.priming().beforeCheckpoint(null));

    assertThat(output.logLines())
        .extracting(line -> line.path("message").asString())
        .contains(
            "primed /registry/mcp: initialize answered by mcp-registry, tools/list listed 6 tools");
    assertThat(output.metricLines()).isEmpty();
  }

  @Test
  void afterRestore_makesTheSigningKeyBeReadAgain() {
    app.signingKeys().keys();
    app.signingKeys().keys();
    assertThat(keyReads.get()).isEqualTo(1);

    handler.priming().afterRestore(null);
    app.signingKeys().keys();

    assertThat(keyReads.get()).isEqualTo(2);
  }

  private static java.util.Map<String, String> units(JsonNode emf) {
    java.util.Map<String, String> units = new java.util.HashMap<>();
    emf.at("/_aws/CloudWatchMetrics/0/Metrics")
        .forEach(m -> units.put(m.path("Name").asString(), m.path("Unit").asString()));
    return units;
  }

  private ProxyResponse invoke(byte[] event, String requestId) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event), out, new InvocationContext(requestId, "registry", 20_000));
    return new ProxyResponse(requestId, out.toString(StandardCharsets.UTF_8));
  }
}
