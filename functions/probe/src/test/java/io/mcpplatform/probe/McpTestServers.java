package io.mcpplatform.probe;

import io.mcpplatform.transport.StatelessMcpServlet;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Real MCP servers on a free loopback port: the platform's stateless servlet, and the SDK's legacy
 * SSE one.
 */
public final class McpTestServers {

  private static final String INPUT =
      "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}";

  private McpTestServers() {}

  /** A running Jetty; closing it stops it. */
  public static final class Host implements AutoCloseable {
    private final Server server;
    private final int port;
    private final Runnable onClose;

    Host(HttpServlet servlet, String mapping, Runnable onClose) throws Exception {
      this.onClose = onClose;
      server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath("/");
      ServletHolder holder = new ServletHolder(servlet);
      holder.setAsyncSupported(true);
      context.addServlet(holder, mapping);
      server.setHandler(context);
      server.start();
      port = connector.getLocalPort();
    }

    /**
     * @return the port
     */
    public int port() {
      return port;
    }

    /**
     * @return an http URL on this host
     */
    public String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
      onClose.run();
      server.stop();
    }
  }

  /**
   * @return a Streamable HTTP server at {@code /mcp} offering the tools {@code ping} and {@code
   *     echo}
   */
  public static Host streamable() throws Exception {
    StatelessMcpServlet servlet =
        StatelessMcpServlet.builder("probe-test-server", "1.2.3")
            .tools(
                List.of(
                    statelessTool("ping", "Answers pong"),
                    statelessTool("echo", "Echoes its text")))
            .build();
    return new Host(servlet, "/mcp", () -> {});
  }

  /**
   * @param inputSchemas tool names and the JSON text of each one's input schema, in listing order
   * @return a Streamable HTTP server at {@code /mcp} offering those tools
   */
  public static Host streamableWithSchemas(Map<String, String> inputSchemas) throws Exception {
    List<McpStatelessServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
    inputSchemas.forEach(
        (name, schema) ->
            tools.add(
                new McpStatelessServerFeatures.SyncToolSpecification(
                    McpSchema.Tool.builder(name, McpJsonDefaults.getMapper(), schema)
                        .description("Tool " + name)
                        .build(),
                    (context, request) -> CallToolResult.builder().addTextContent("ok").build())));
    StatelessMcpServlet servlet =
        StatelessMcpServlet.builder("schema-test-server", "1.0.0").tools(tools).build();
    return new Host(servlet, "/mcp", () -> {});
  }

  /**
   * @return a legacy HTTP+SSE server: stream at {@code /sse}, messages at {@code /message}, tool
   *     {@code ping}
   */
  @SuppressWarnings("deprecation")
  public static Host legacySse() throws Exception {
    HttpServletSseServerTransportProvider provider =
        HttpServletSseServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .sseEndpoint("/sse")
            .messageEndpoint("/message")
            .build();
    McpSyncServer server =
        McpServer.sync(provider)
            .serverInfo("legacy-test-server", "0.9.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(
                McpServerFeatures.SyncToolSpecification.builder()
                    .tool(tool("ping", "Answers pong"))
                    .callHandler(
                        (exchange, request) ->
                            CallToolResult.builder().addTextContent("pong").build())
                    .build())
            .build();
    return new Host(provider, "/*", server::close);
  }

  private static McpSchema.Tool tool(String name, String description) {
    return McpSchema.Tool.builder(name, McpJsonDefaults.getMapper(), INPUT)
        .description(description)
        .build();
  }

  private static McpStatelessServerFeatures.SyncToolSpecification statelessTool(
      String name, String description) {
    return new McpStatelessServerFeatures.SyncToolSpecification(
        tool(name, description),
        (context, request) -> CallToolResult.builder().addTextContent("pong").build());
  }
}
