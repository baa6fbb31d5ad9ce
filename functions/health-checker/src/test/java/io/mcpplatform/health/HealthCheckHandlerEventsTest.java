package io.mcpplatform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.aws.lambda.testing.CapturedOutput;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.embedded.store.FileStoreOptions;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.McpTestServers;
import io.mcpplatform.probe.ProbeSettings;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Lambda handler on every {@code events/health-checker} file, probing real servers on loopback.
 */
class HealthCheckHandlerEventsTest {

  private static McpTestServers.Host healthy;
  private static int deadPort;

  @TempDir Path dir;

  @BeforeAll
  static void servers() throws Exception {
    healthy = McpTestServers.streamable();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    healthy.close();
  }

  static Stream<String> eventFiles() {
    return EventFiles.names().stream();
  }

  private static void register(FileRegistryStore store, String name, String url) {
    store.saveRegistration(
        ServerEntry.builder(name, name, "1.0.0")
            .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, url, null)))
            .build(),
        0,
        Instant.now());
  }

  private static HealthCheckHandler handler(FileRegistryStore store) {
    ProbeSettings settings =
        ProbeSettings.defaults(AddressPolicy.allowingLoopback())
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    return new HealthCheckHandler(
        new HealthCheckService(store, new McpHealthProbe(settings), Clock.systemUTC(), null),
        4,
        HealthCheckerConfig.reserveMillis(settings),
        LambdaObservability.withTracer(HealthCheckHandler.SERVICE, null));
  }

  @ParameterizedTest
  @MethodSource("eventFiles")
  void handleRequest_checksEveryServer_andEmitsMetricsAndJsonLogs(String file) throws Exception {
    Map<String, Object>[] result = new Map[1];
    CapturedOutput output;
    try (FileRegistryStore store = FileRegistryStore.open(dir, new FileStoreOptions(false, 1000))) {
      register(store, "alive", healthy.url("/mcp"));
      register(store, "dead", "http://127.0.0.1:" + deadPort + "/mcp");
      register(store, "inside", "http://10.0.0.7/mcp");

      output =
          CapturedOutput.of(
              () ->
                  result[0] =
                      handler(store)
                          .handleRequest(
                              EventFiles.read(file),
                              new InvocationContext("run-" + file, "health-checker", 120_000)));

      assertThat(result[0])
          .containsEntry("checked", 3)
          .containsEntry("up", 1)
          .containsEntry("down", 1)
          .containsEntry("refused", 1)
          .containsEntry("deferred", 0)
          .containsEntry("complete", true);
      assertThat(store.get("alive").orElseThrow().health().status())
          .isEqualTo(HealthStatus.HEALTHY);
      assertThat(store.get("alive").orElseThrow().discoveredCapabilities()).isNotEmpty();
      assertThat(store.get("dead").orElseThrow().health().consecutiveFailures()).isEqualTo(1);
      assertThat(store.get("inside").orElseThrow().health().status())
          .isEqualTo(HealthStatus.REFUSED);
    }
    assertThat(output.metricLines()).hasSize(1);
    JsonNode emf = output.metricLines().get(0);
    assertThat(emf.at("/_aws/CloudWatchMetrics/0/Namespace").asString()).isEqualTo("McpPlatform");
    assertThat(emf.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asString()).isEqualTo("Service");
    assertThat(emf.path("Service").asString()).isEqualTo("health-checker");
    assertThat(emf.path(RunMetrics.SERVERS_CHECKED).asInt()).isEqualTo(3);
    assertThat(emf.path(RunMetrics.SERVERS_UNHEALTHY).isNumber()).isTrue();
    assertThat(emf.path("ProbesRefused").asInt()).isEqualTo(1);
    assertThat(emf.path("RunDuration").isNumber()).isTrue();
    JsonNode summary =
        output.logLines().stream()
            .filter(line -> line.path("message").asString().startsWith("health check run"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.path("level").asString()).isEqualTo("INFO");
    assertThat(summary.path("function_request_id").asString()).isEqualTo("run-" + file);
    assertThat(summary.path("function_name").asString()).isEqualTo("health-checker");
    assertThat(summary.path("service").asString()).isEqualTo("health-checker");
    assertThat(summary.has("cold_start")).isTrue();
  }

  @Test
  void probeThreads_logWithTheInvocationsRequestId() {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FileRegistryStore store = FileRegistryStore.open(dir, new FileStoreOptions(false, 1000))) {
      register(store, "one", "https://one.example.com/mcp");
      register(store, "two", "https://two.example.com/mcp");
      HealthCheckService checks =
          new HealthCheckService(
              store,
              remote -> {
                seen.add(org.slf4j.MDC.get("function_request_id"));
                return io.mcpplatform.core.health.ProbeResult.down("test probe", 1L);
              },
              Clock.systemUTC(),
              null);

      new HealthCheckHandler(
              checks, 2, 1_000, LambdaObservability.withTracer(HealthCheckHandler.SERVICE, null))
          .handleRequest(
              EventFiles.read(EventFiles.names().get(0)),
              new InvocationContext("run-mdc", "health-checker", 60_000));
    }

    assertThat(seen).containsExactly("run-mdc", "run-mdc");
  }

  @Test
  void handleRequest_startsNoProbe_whenTheDeadlineIsTooClose() {
    try (FileRegistryStore store = FileRegistryStore.open(dir, new FileStoreOptions(false, 1000))) {
      register(store, "alive", healthy.url("/mcp"));

      Map<String, Object> result =
          handler(store)
              .handleRequest(
                  EventFiles.read(EventFiles.names().get(0)),
                  new InvocationContext("run-deadline", "health-checker", 5_000));

      assertThat(result)
          .containsEntry("checked", 0)
          .containsEntry("deferred", 1)
          .containsEntry("complete", false);
      assertThat(store.get("alive").orElseThrow().health().checkedAt()).isNull();
    }
  }

  @Test
  void config_readsEnvironment_andRefusesMissingTable() {
    HealthCheckerConfig config =
        HealthCheckerConfig.fromEnvironment(
            Map.of(
                "TABLE_NAME",
                "registry",
                "HEALTH_CONCURRENCY",
                "8",
                "PROBE_TOTAL_TIMEOUT_MS",
                "5000"));

    assertThat(config.concurrency()).isEqualTo(8);
    assertThat(config.probe().totalTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.probe().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.probe().addressPolicy().allowsLoopback()).isFalse();
    assertThat(config.reserveMillis()).isEqualTo(8_000);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HealthCheckerConfig.fromEnvironment(Map.of()))
        .hasMessageContaining("TABLE_NAME");
  }
}
