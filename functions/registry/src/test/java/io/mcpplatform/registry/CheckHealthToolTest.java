package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthProbe;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code check_health} and the {@code health_status} search filter, with a scripted probe. */
class CheckHealthToolTest {

  @TempDir Path dir;
  private FileRegistryStore store;
  private RegistryService service;
  private Map<String, SyncToolSpecification> tools;
  private final Map<String, ProbeResult> answers = new HashMap<>();

  @BeforeEach
  void open() {
    store = FileRegistryStore.open(dir);
    service = new RegistryService(store, Clock.systemUTC(), Duration.ZERO);
    HealthProbe probe = remote -> answers.get(remote.url());
    RegistryTools registryTools =
        new RegistryTools(
            service,
            UrlPolicy.HTTPS_ONLY,
            JsonMapper.builder().build(),
            new HealthCheckService(store, probe, Clock.systemUTC(), service::indexIfNewer));
    tools = new HashMap<>();
    registryTools.specifications().forEach(s -> tools.put(s.tool().name(), s));
    for (String id : List.of("weather", "broken", "inside")) {
      Map<String, Object> args = new HashMap<>();
      args.put("server_id", id);
      args.put("name", id + " server");
      args.put("url", "https://" + id + ".example.com/mcp");
      service.register(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY));
    }
    answers.put(
        "https://weather.example.com/mcp",
        new ProbeResult(
            ProbeOutcome.UP,
            15L,
            "2025-06-18",
            "weather",
            "2.0",
            List.of(new Capability("get_forecast", Capability.TOOL, "Forecast")),
            null));
    answers.put("https://broken.example.com/mcp", ProbeResult.down("connection refused", 1L));
    answers.put(
        "https://inside.example.com/mcp",
        ProbeResult.refused("the host resolves to a private address"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private CallToolResult call(String tool, Map<String, Object> args) {
    return tools.get(tool).callHandler().apply(null, new CallToolRequest(tool, args));
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void checkHealth_probesNow_andReportsStatusLatencyAndTools() {
    CallToolResult result = call("check_health", Map.of("server_id", "weather"));

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(text(result)).startsWith("Server health check complete. Status: healthy");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) result.structuredContent();
    assertThat(body).containsEntry("outcome", "up").containsEntry("server_id", "weather");
    assertThat(body.get("health").toString())
        .contains("latencyMillis=15")
        .contains("protocolVersion=2025-06-18");
    assertThat(service.get("weather").orElseThrow().discoveredCapabilities())
        .extracting(Capability::name)
        .containsExactly("get_forecast");
  }

  @Test
  void checkHealth_reportsRefused_notUnhealthy() {
    CallToolResult result = call("check_health", Map.of("server_id", "inside"));

    assertThat(text(result)).contains("Status: refused").contains("private address");
  }

  @Test
  void searchServers_filtersByHealthStatus_andLeavesUnhealthyOutByDefault() {
    call("check_health", Map.of("server_id", "weather"));
    call("check_health", Map.of("server_id", "broken"));
    call("check_health", Map.of("server_id", "broken"));
    call("check_health", Map.of("server_id", "inside"));

    assertThat(text(call("search_servers", Map.of("health_status", "healthy"))))
        .contains("\"weather\"")
        .doesNotContain("\"broken\"");
    assertThat(text(call("search_servers", Map.of("health_status", "unhealthy"))))
        .contains("\"broken\"")
        .doesNotContain("\"weather\"");
    assertThat(text(call("search_servers", Map.of("health_status", "refused"))))
        .contains("\"inside\"");
    assertThat(text(call("search_servers", Map.of())))
        .contains("\"weather\"")
        .doesNotContain("\"broken\"");
  }
}
