package io.mcpplatform.client.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** An initialized connection to one MCP server: list its tools, call them. */
public final class ServerSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

  private final String serverName;
  private final McpSyncClient client;
  private List<McpSchema.Tool> tools;

  ServerSession(String serverName, McpSyncClient client) {
    this.serverName = serverName;
    this.client = client;
  }

  /** @return the catalog name of the server */
  public String serverName() {
    return serverName;
  }

  /**
   * @return every tool the server offers (all pages), fetched once
   * @throws ConnectionException when the server fails to list them
   */
  public synchronized List<McpSchema.Tool> tools() {
    if (tools == null) {
      try {
        List<McpSchema.Tool> all = new ArrayList<>();
        String cursor = null;
        do {
          McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
          all.addAll(page.tools());
          cursor = page.nextCursor();
        } while (cursor != null && all.size() < 10_000);
        tools = List.copyOf(all);
      } catch (RuntimeException e) {
        throw new ConnectionException("Server '" + serverName + "' failed to list its tools: " + reason(e), e);
      }
    }
    return tools;
  }

  /**
   * Calls a tool. Never throws for a tool failure, a timeout or a lost connection: those come back as
   * an outcome with {@code isError} so that a model can read them.
   *
   * @param tool the tool's own name on this server
   * @param arguments its arguments
   * @return the outcome
   */
  public ToolOutcome call(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result;
    try {
      result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    } catch (RuntimeException e) {
      LOG.debug("Tool {} on {} failed", tool, serverName, e);
      return ToolOutcome.failure("Calling " + tool + " on " + serverName + " failed: " + reason(e));
    }
    boolean error = Boolean.TRUE.equals(result.isError());
    String text = result.content() == null ? "" : result.content().stream()
        .map(ServerSession::text).collect(Collectors.joining("\n"));
    if (text.isBlank() && result.structuredContent() != null) {
      text = JsonMapper.shared().writeValueAsString(result.structuredContent());
    }
    return new ToolOutcome(text, result.structuredContent(), error);
  }

  private static String text(McpSchema.Content content) {
    if (content instanceof McpSchema.TextContent t) {
      return t.text();
    }
    if (content instanceof McpSchema.EmbeddedResource r && r.resource() instanceof McpSchema.TextResourceContents t) {
      return t.text();
    }
    return "[" + content.type() + " content omitted]";
  }

  /** A short reason a person can read: the timeout or the server's JSON-RPC message, no class names. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException) {
        return "timed out";
      }
      if (t instanceof McpError mcp && mcp.getJsonRpcError() != null) {
        return mcp.getJsonRpcError().message();
      }
      if (t instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return "timed out";
      }
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "unexpected failure";
    }
    if (message.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
      return "timed out";
    }
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (RuntimeException e) {
      LOG.debug("Closing the session to {} failed", serverName, e);
    }
  }
}
