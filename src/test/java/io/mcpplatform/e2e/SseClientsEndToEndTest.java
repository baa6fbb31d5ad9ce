package io.mcpplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients that speak server-sent events against the running local system: the MCP Inspector CLI and
 * the TypeScript SDK's {@code SSEClientTransport} on the legacy {@code /…/sse} endpoints, and the
 * SDK's {@code StreamableHTTPClientTransport} receiving progress notifications from {@code
 * check_health}.
 */
class SseClientsEndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dataDir;

  private static LocalSystemProcess system;

  @BeforeAll
  static void startSystem() throws Exception {
    NodeTools.installed();
    system = LocalSystemProcess.start(dataDir);
    try (McpSyncClient client = JavaSdkClientEndToEndTest.client(system)) {
      client.initialize();
      CallToolResult registered =
          JavaSdkClientEndToEndTest.call(
              client,
              "register_server",
              JavaSdkClientEndToEndTest.server(
                  "sse-translator-e2e",
                  "Translator",
                  "Translates text between languages",
                  List.of("language", "translation"),
                  List.of(JavaSdkClientEndToEndTest.tool("translate", "Translate a sentence"))));
      assertThat(registered.isError()).isNotEqualTo(Boolean.TRUE);
    }
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  private static JsonNode json(NodeTools.Run run) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    return JSON.readTree(run.stdout());
  }

  private static Path script() {
    return Repo.root().resolve("src/test/resources/ts-client/sse-client.mjs");
  }

  @Test
  void inspectorCli_overSse_listsMapsToolsAndCallsGetLocation() throws Exception {
    String url = system.baseUrl() + "/maps/sse";
    JsonNode tools = json(NodeTools.inspectorOver("sse", url, "--method", "tools/list"));
    JsonNode call =
        json(
            NodeTools.inspectorOver(
                "sse",
                url,
                "--method",
                "tools/call",
                "--tool-name",
                "get_location",
                "--tool-arg",
                "location=Paris"));

    assertThat(tools.path("tools").valueStream().map(t -> t.path("name").asString()).toList())
        .containsExactly("get_location", "reverse_geocode");
    assertThat(call.path("isError").asBoolean()).isFalse();
    assertThat(call.path("structuredContent").path("place").path("formattedAddress").asString())
        .startsWith("Paris");
  }

  @Test
  void inspectorCli_overSse_callsSearchServersOnRegistry() throws Exception {
    JsonNode call =
        json(
            NodeTools.inspectorOver(
                "sse",
                system.baseUrl() + "/registry/sse",
                "--method",
                "tools/call",
                "--tool-name",
                "search_servers",
                "--tool-arg",
                "query=translate languages"));

    assertThat(call.path("isError").asBoolean()).isFalse();
    assertThat(call.path("structuredContent").path("servers").get(0).path("name").asString())
        .isEqualTo("sse-translator-e2e");
  }

  @Test
  void typeScriptSseClientTransport_worksOnBothLegacyEndpoints() throws Exception {
    JsonNode registry =
        json(
            NodeTools.node(
                script(),
                "legacy",
                system.baseUrl() + "/registry/sse",
                "get_server",
                JSON.writeValueAsString(Map.of("server_id", "sse-translator-e2e"))));
    JsonNode maps =
        json(
            NodeTools.node(
                script(),
                "legacy",
                system.baseUrl() + "/maps/sse",
                "reverse_geocode",
                JSON.writeValueAsString(Map.of("latitude", 48.8584, "longitude", 2.2945))));

    assertThat(registry.path("serverInfo").path("name").asString()).isEqualTo("mcp-registry");
    assertThat(registry.path("tools").valueStream().map(JsonNode::asString).toList())
        .contains("register_server", "search_servers", "get_server");
    assertThat(registry.path("result").path("structuredContent").path("title").asString())
        .isEqualTo("Translator");
    assertThat(maps.path("tools").valueStream().map(JsonNode::asString).toList())
        .containsExactly("get_location", "reverse_geocode");
    assertThat(maps.path("result").path("structuredContent").path("found").asBoolean()).isTrue();
  }

  @Test
  void typeScriptStreamableHttpClient_receivesProgress_fromCheckHealth() throws Exception {
    JsonNode out =
        json(
            NodeTools.node(
                script(),
                "progress",
                system.registryUrl(),
                "check_health",
                JSON.writeValueAsString(Map.of("server_id", "maps"))));

    List<String> messages =
        out.path("progress").valueStream().map(p -> p.path("message").asString()).toList();
    assertThat(messages).hasSize(4);
    assertThat(messages.get(0)).startsWith("Connecting to 127.0.0.1:");
    assertThat(messages.get(1)).startsWith("Initialized (protocol ");
    assertThat(messages.get(2)).isEqualTo("Listed 2 capabilities");
    assertThat(messages.get(3)).startsWith("Verdict: ");
    assertThat(out.path("progress").valueStream().map(p -> p.path("progress").asDouble()).toList())
        .containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(out.path("result").path("structuredContent").path("outcome").asString())
        .isEqualToIgnoringCase("up");
  }
}
