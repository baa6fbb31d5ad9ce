package io.mcpplatform.client.mcp;

import io.mcpplatform.client.DebugLog;
import io.mcpplatform.mcpclient.Json;
import io.mcpplatform.mcpclient.McpException;
import io.mcpplatform.mcpclient.McpSession;
import io.mcpplatform.mcpclient.ProgressListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An initialized connection to one MCP server: list its tools, call them. */
public final class ServerSession implements AutoCloseable {

  private static final int MAX_TOOLS = 10_000;

  private final String serverName;
  private final McpSession http;
  private final PrintStream progress;
  private List<McpTool> tools;

  ServerSession(String serverName, McpSession http, PrintStream progress) {
    this.serverName = serverName;
    this.http = http;
    this.progress = progress;
  }

  /**
   * @return the catalog name of the server
   */
  public String serverName() {
    return serverName;
  }

  /**
   * @return every tool the server offers (all pages), fetched once
   * @throws ConnectionException when the server fails to list them
   */
  public synchronized List<McpTool> tools() {
    if (tools == null) {
      List<McpTool> all = new ArrayList<>();
      try {
        String cursor = null;
        do {
          Map<String, Object> page =
              http.request("tools/list", cursor == null ? null : Map.of("cursor", cursor));
          List<Object> list = Json.array(page.get("tools"));
          if (list == null) {
            throw new IllegalArgumentException("its tools/list result has no tools array");
          }
          for (Object tool : list) {
            all.add(McpTool.from(tool));
          }
          String next = Json.string(page, "nextCursor");
          cursor = next == null || next.isEmpty() ? null : next;
        } while (cursor != null && all.size() < MAX_TOOLS);
      } catch (McpException | IllegalArgumentException e) {
        throw new ConnectionException(
            "Server '" + serverName + "' failed to list its tools: " + e.getMessage(), e);
      }
      tools = List.copyOf(all);
    }
    return tools;
  }

  /**
   * Calls a tool. Never throws for a tool failure, a timeout or a lost connection: those come back
   * as an outcome with {@code isError} so that a model can read them. When the tool declares an
   * output schema (known once {@link #tools()} has run), a structured result that does not match it
   * is a failure too.
   *
   * @param tool the tool's own name on this server
   * @param arguments its arguments
   * @return the outcome
   */
  public ToolOutcome call(String tool, Map<String, Object> arguments) {
    Map<String, Object> params =
        Map.of("name", tool, "arguments", arguments == null ? Map.of() : arguments);
    Map<String, Object> result;
    try {
      result = http.request("tools/call", params, progress == null ? null : printer(tool));
    } catch (McpException e) {
      DebugLog.debug(ServerSession.class, "Tool {} on {} failed", tool, serverName, e);
      return ToolOutcome.failure(
          "Calling " + tool + " on " + serverName + " failed: " + e.getMessage());
    }
    boolean error = Boolean.TRUE.equals(result.get("isError"));
    Object structured = result.get("structuredContent");
    List<String> texts = new ArrayList<>();
    List<Object> content = Json.array(result.get("content"));
    if (content != null) {
      content.forEach(c -> texts.add(text(c)));
    }
    String text = String.join("\n", texts);
    if (text.isBlank() && structured != null) {
      text = Json.text(structured);
    }
    if (!error) {
      String invalid = checkOutput(tool, structured);
      if (invalid != null) {
        return ToolOutcome.failure("Calling " + tool + " on " + serverName + " failed: " + invalid);
      }
    }
    return new ToolOutcome(text, structured, error);
  }

  /**
   * Prints each progress notification as one line; the server's words lose any control characters.
   */
  private ProgressListener printer(String tool) {
    return (done, total, message) -> {
      String amount =
          total != null && total > 0
              ? Math.round(100 * done / total) + "%"
              : (done == Math.rint(done) ? String.valueOf((long) done) : String.valueOf(done));
      String words = message == null ? "" : " " + message.replaceAll("\\p{Cntrl}", " ");
      progress.println("[" + serverName + " " + tool + "] " + amount + words);
    };
  }

  /**
   * The check the MCP specification asks of clients: a structured result matches the tool's output
   * schema.
   */
  private String checkOutput(String tool, Object structured) {
    List<McpTool> known;
    synchronized (this) {
      known = tools;
    }
    McpTool definition =
        known == null
            ? null
            : known.stream().filter(t -> t.name().equals(tool)).findFirst().orElse(null);
    if (definition == null || definition.outputSchema() == null) {
      return null;
    }
    if (structured == null) {
      return "the tool declares an output schema but returned no structured content";
    }
    var check = LazySchemaValidator.INSTANCE.validate(definition.outputSchema(), structured);
    return check.valid()
        ? null
        : "its structured result does not match its output schema: " + check.errorMessage();
  }

  private static String text(Object item) {
    Map<String, Object> content = Json.object(item);
    String type = content == null ? null : Json.string(content, "type");
    if ("text".equals(type) && Json.string(content, "text") != null) {
      return Json.string(content, "text");
    }
    Map<String, Object> resource = content == null ? null : Json.object(content.get("resource"));
    if ("resource".equals(type) && resource != null && Json.string(resource, "text") != null) {
      return Json.string(resource, "text");
    }
    return "[" + (type == null ? "unknown" : type) + " content omitted]";
  }

  @Override
  public void close() {
    http.close();
  }
}
