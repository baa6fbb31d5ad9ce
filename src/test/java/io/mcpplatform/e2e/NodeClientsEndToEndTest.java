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
 * The official TypeScript clients (the MCP Inspector CLI and the TypeScript SDK's {@code
 * StreamableHTTPClientTransport}) as child processes against the running local system.
 */
class NodeClientsEndToEndTest {

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
                  "translator-e2e",
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

  @Test
  void inspectorCli_listsRegistryTools() throws Exception {
    JsonNode result = json(NodeTools.inspector(system.registryUrl(), "--method", "tools/list"));

    assertThat(result.path("tools").valueStream().map(t -> t.path("name").asString()).toList())
        .contains("register_server", "search_servers", "get_server", "list_servers");
  }

  @Test
  void inspectorCli_findsRegisteredServer_whenCallingSearchServers() throws Exception {
    JsonNode result =
        json(
            NodeTools.inspector(
                system.registryUrl(),
                "--method",
                "tools/call",
                "--tool-name",
                "search_servers",
                "--tool-arg",
                "query=translate languages"));

    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.path("structuredContent").path("servers").get(0).path("name").asString())
        .isEqualTo("translator-e2e");
  }

  @Test
  void typeScriptSdkClient_listsToolsAndCallsGetServer() throws Exception {
    Path script = Repo.root().resolve("src/test/resources/ts-client/registry-client.mjs");

    JsonNode out =
        json(
            NodeTools.node(
                script,
                system.registryUrl(),
                "get_server",
                JSON.writeValueAsString(Map.of("server_id", "translator-e2e"))));

    assertThat(out.path("serverInfo").path("name").asString()).isEqualTo("mcp-registry");
    assertThat(out.path("tools").valueStream().map(JsonNode::asString).toList())
        .contains("register_server", "search_servers", "get_server", "list_servers");
    assertThat(out.path("result").path("isError").asBoolean()).isFalse();
    assertThat(out.path("result").path("structuredContent").path("title").asString())
        .isEqualTo("Translator");
  }

  @Test
  void typeScriptSdkClient_getsToolError_whenServerIsUnknown() throws Exception {
    Path script = Repo.root().resolve("src/test/resources/ts-client/registry-client.mjs");

    JsonNode out =
        json(
            NodeTools.node(
                script,
                system.registryUrl(),
                "get_server",
                JSON.writeValueAsString(Map.of("server_id", "nobody-e2e"))));

    assertThat(out.path("result").path("isError").asBoolean()).isTrue();
    assertThat(out.path("result").path("content").get(0).path("text").asString())
        .contains("nobody-e2e");
  }
}
