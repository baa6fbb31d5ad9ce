package io.mcpplatform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MCP Java SDK's own client against the servlet in Jetty, under a path with a prefix. */
class StatelessMcpServletClientTest {

  private static JettyTestServer server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() throws Exception {
    server = new JettyTestServer(List.of(new Route("/prod/x/mcp", TestTools.servlet())));
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/prod/x/mcp")
            .build();
    client = McpClient.sync(transport).build();
  }

  @AfterAll
  static void stop() throws Exception {
    client.closeGracefully();
    server.close();
  }

  @Test
  void initialize_advertisesServerInfoInstructionsAndToolsWithoutListChanged() {
    McpSchema.InitializeResult result = client.initialize();

    assertThat(result.serverInfo().name()).isEqualTo("test-server");
    assertThat(result.serverInfo().version()).isEqualTo("1.2.3");
    assertThat(result.instructions()).isEqualTo("Use echo to test.");
    assertThat(result.protocolVersion()).isIn(StatelessMcpServlet.PROTOCOL_VERSIONS);
    assertThat(result.capabilities().tools()).isNotNull();
    assertThat(result.capabilities().tools().listChanged()).isFalse();
  }

  @Test
  void toolsList_returnsToolsWithInputAndOutputSchemas() {
    client.initialize();

    McpSchema.ListToolsResult tools = client.listTools();

    assertThat(tools.tools())
        .extracting(McpSchema.Tool::name)
        .containsExactly("echo", "reject", "crash");
    McpSchema.Tool echo = tools.tools().get(0);
    assertThat(echo.inputSchema()).containsEntry("required", List.of("text"));
    assertThat(echo.outputSchema()).containsKey("properties");
  }

  @Test
  void toolsCall_returnsStructuredContent_whenToolSucceeds() {
    client.initialize();

    McpSchema.CallToolResult result =
        client.callTool(
            McpSchema.CallToolRequest.builder("echo").arguments(Map.of("text", "hi")).build());

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(result.structuredContent()).isEqualTo(Map.of("echoed", "hi", "length", 2));
    assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("echo: hi");
  }

  @Test
  void toolsCall_returnsMappedMessageAsIsError_whenToolThrowsKnownException() {
    client.initialize();

    McpSchema.CallToolResult result =
        client.callTool(McpSchema.CallToolRequest.builder("reject").arguments(Map.of()).build());

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .isEqualTo("Invalid argument 'url': must use https");
  }

  @Test
  void toolsCall_returnsReferenceOnly_whenToolThrowsUnknownException() {
    client.initialize();

    McpSchema.CallToolResult result =
        client.callTool(McpSchema.CallToolRequest.builder("crash").arguments(Map.of()).build());

    assertThat(result.isError()).isTrue();
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(text).matches("Internal error \\(ref [0-9a-f]{8}\\)");
  }
}
