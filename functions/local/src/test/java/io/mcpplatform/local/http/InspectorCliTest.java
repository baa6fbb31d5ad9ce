package io.mcpplatform.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpplatform.transport.LegacySse;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MCP Inspector CLI (TypeScript SDK client) against the local server, Host guard on.
 */
class InspectorCliTest {

  private static final Path INSPECTOR = Path.of("../../src/test/node_modules/.bin/mcp-inspector");
  private static LocalHttpServer server;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(
        Files.isExecutable(INSPECTOR), "src/test/node_modules not installed (npm ci in src/test)");
    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "shout",
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("text", Map.of("type", "string")),
                    "required",
                    List.of("text")))
            .description("upper-cases its text")
            .outputSchema(
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("loud", Map.of("type", "string")),
                    "required",
                    List.of("loud")))
            .build();
    SyncToolSpecification spec =
        new SyncToolSpecification(
            tool,
            (context, request) -> {
              String loud =
                  String.valueOf(request.arguments().get("text"))
                      .toUpperCase(java.util.Locale.ROOT);
              return McpSchema.CallToolResult.builder()
                  .addTextContent(loud)
                  .structuredContent(Map.of("loud", loud))
                  .build();
            });
    server =
        new LocalHttpServer(
                "127.0.0.1",
                0,
                LegacySse.localRoutes(
                    List.of(
                        new Route(
                            "/maps/mcp",
                            StatelessMcpServlet.builder("inspector-test", "1")
                                .tools(List.of(spec))
                                .build())),
                    LegacySse.Limits.defaults()))
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static JsonNode inspector(String... methodArgs) throws Exception {
    return inspectorOver("http", "/maps/mcp", methodArgs);
  }

  private static JsonNode inspectorOver(String transport, String path, String... methodArgs)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                INSPECTOR.toAbsolutePath().toString(),
                "--cli",
                server.baseUri() + path,
                "--transport",
                transport));
    command.addAll(List.of(methodArgs));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return JsonMapper.builder().build().readTree(out);
  }

  @Test
  void toolsList_listsToolWithSchemas() throws Exception {
    JsonNode result = inspector("--method", "tools/list");

    assertThat(result.path("tools").get(0).path("name").asString()).isEqualTo("shout");
    assertThat(result.path("tools").get(0).path("outputSchema").path("required").get(0).asString())
        .isEqualTo("loud");
  }

  @Test
  void legacySse_listsToolsAndCallsOne() throws Exception {
    JsonNode tools = inspectorOver("sse", "/maps/sse", "--method", "tools/list");
    JsonNode result =
        inspectorOver(
            "sse",
            "/maps/sse",
            "--method",
            "tools/call",
            "--tool-name",
            "shout",
            "--tool-arg",
            "text=over sse");

    assertThat(tools.path("tools").get(0).path("name").asString()).isEqualTo("shout");
    assertThat(result.path("structuredContent").path("loud").asString()).isEqualTo("OVER SSE");
  }

  @Test
  void toolsCall_returnsStructuredContent() throws Exception {
    JsonNode result =
        inspector("--method", "tools/call", "--tool-name", "shout", "--tool-arg", "text=hey");

    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.path("structuredContent").path("loud").asString()).isEqualTo("HEY");
  }
}
