package io.mcpplatform.client.agent;

import io.mcpplatform.client.llm.ToolSpec;
import io.mcpplatform.client.mcp.McpTool;
import io.mcpplatform.client.mcp.ServerSession;
import io.mcpplatform.client.mcp.ToolOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tools offered to the model in one request, by the names the model sees, and how to run them.
 * Results longer than the cap are cut (with a note saying how much was left out), so that one
 * verbose tool cannot fill the context and the bill.
 */
public final class Toolbox {

  /** Default cap on one tool result sent to the model, in characters. */
  public static final int DEFAULT_MAX_RESULT_CHARS = 6_000;

  private final Map<String, Bound> tools = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();
  private final int maxResultChars;

  /**
   * @param maxResultChars cap on one tool result, in characters
   */
  public Toolbox(int maxResultChars) {
    if (maxResultChars < 100) {
      throw new IllegalArgumentException("maxResultChars must be at least 100");
    }
    this.maxResultChars = maxResultChars;
  }

  private record Bound(ServerSession session, McpTool tool, ToolSpec spec) {}

  /**
   * @param session the server's session
   * @param tool one of its tools
   * @return the name the model sees
   */
  public String add(ServerSession session, McpTool tool) {
    String name = ToolNames.exposed(session.serverName(), tool.name(), names);
    names.add(name);
    tools.put(
        name, new Bound(session, tool, new ToolSpec(name, tool.description(), tool.inputSchema())));
    return name;
  }

  /**
   * @return the tool definitions to send, in the order added
   */
  public List<ToolSpec> specs() {
    return tools.values().stream().map(Bound::spec).toList();
  }

  /**
   * @return whether there is no tool
   */
  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /**
   * @return the names the model sees
   */
  public List<String> names() {
    return new ArrayList<>(tools.keySet());
  }

  /**
   * Runs a tool the model asked for. Failures come back as error outcomes, never as exceptions.
   *
   * @param name the name the model used
   * @param arguments its arguments
   * @return the outcome, its text capped
   */
  public ToolOutcome execute(String name, Map<String, Object> arguments) {
    Bound bound = tools.get(name);
    if (bound == null) {
      return ToolOutcome.failure(
          "Unknown tool '" + name + "'. Available: " + String.join(", ", tools.keySet()));
    }
    ToolOutcome outcome =
        bound.session().call(bound.tool().name(), arguments == null ? Map.of() : arguments);
    return new ToolOutcome(cap(outcome.text()), outcome.structuredContent(), outcome.isError());
  }

  String cap(String text) {
    if (text.length() <= maxResultChars) {
      return text;
    }
    int cut = maxResultChars - 60;
    return text.substring(0, cut)
        + "\n[truncated: "
        + (text.length() - cut)
        + " more characters left out]";
  }
}
