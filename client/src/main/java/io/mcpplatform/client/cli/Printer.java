package io.mcpplatform.client.cli;

import io.mcpplatform.client.agent.Answer;
import io.mcpplatform.client.llm.Prices;
import io.mcpplatform.client.llm.TokenUsage;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.McpTool;
import io.mcpplatform.client.registry.CatalogServer;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Human-readable output of the commands. */
final class Printer {

  private final PrintStream out;

  Printer(PrintStream out) {
    this.out = out;
  }

  void servers(List<CatalogServer> servers, Integer total) {
    if (servers.isEmpty()) {
      out.println("No servers found matching the search criteria");
      return;
    }
    for (CatalogServer s : servers) {
      StringBuilder line = new StringBuilder(s.name()).append("  [").append(health(s)).append(']');
      if (s.score() != null) {
        line.append("  score ").append(String.format(Locale.ROOT, "%.2f", s.score()));
      }
      out.println(line);
      if (s.title() != null || s.description() != null) {
        out.println("    " + join(s.title(), s.description()));
      }
      if (s.remote() != null) {
        out.println("    " + s.remote().url());
      }
      if (!s.tags().isEmpty()) {
        out.println("    tags: " + String.join(", ", s.tags()));
      }
      if (s.match() != null && !(s.match().lexical().isEmpty() && s.match().semantic().isEmpty())) {
        out.println("    matched: " + matched(s.match()));
      }
    }
    if (total != null && total > servers.size()) {
      out.println("(" + servers.size() + " of " + total + " shown; use --limit)");
    }
  }

  private static String matched(CatalogServer.SearchMatch match) {
    String words =
        match.lexical().isEmpty() ? "" : "words in " + String.join(", ", match.lexical());
    String meaning =
        match.semantic().isEmpty() ? "" : "meaning of " + String.join(", ", match.semantic());
    return words.isEmpty() || meaning.isEmpty() ? words + meaning : words + "; " + meaning;
  }

  void server(CatalogServer s, Map<String, String> env) {
    out.println(s.name() + (s.title() == null ? "" : "  (" + s.title() + ")"));
    if (s.description() != null) {
      out.println("  description: " + s.description());
    }
    field("version", s.version());
    field("status", s.status());
    out.println(
        "  health: "
            + health(s)
            + (s.health() != null && s.health().checkedAt() != null
                ? " (checked " + s.health().checkedAt() + ")"
                : ""));
    for (CatalogServer.CatalogRemote r : s.remotes()) {
      out.println(
          "  remote: " + r.url() + " (" + (r.type() == null ? "streamable-http" : r.type()) + ")");
      for (CatalogServer.RemoteHeader h : r.headers()) {
        String variable = HeaderCredentials.variableFor(s.name(), h.name());
        boolean set = env.get(variable) != null;
        out.println(
            "    header "
                + h.name()
                + (Boolean.TRUE.equals(h.isRequired()) ? " (required" : " (optional")
                + (Boolean.TRUE.equals(h.isSecret()) ? ", secret)" : ")")
                + (h.description() == null ? "" : ": " + h.description())
                + " - from "
                + variable
                + (set ? " (set)" : " (not set)"));
      }
    }
    if (!s.tags().isEmpty()) {
      out.println("  tags: " + String.join(", ", s.tags()));
    }
    List<CatalogServer.CatalogCapability> caps =
        s.discoveredCapabilities().isEmpty() ? s.capabilities() : s.discoveredCapabilities();
    if (!caps.isEmpty()) {
      out.println(
          "  capabilities"
              + (s.discoveredCapabilities().isEmpty() ? " (declared):" : " (discovered):"));
      for (CatalogServer.CatalogCapability c : caps) {
        out.println(
            "    "
                + (c.type() == null ? "tool" : c.type())
                + " "
                + c.name()
                + (c.description() == null ? "" : " - " + c.description()));
      }
    }
  }

  void tools(String server, List<McpTool> tools) {
    if (tools.isEmpty()) {
      out.println(server + " offers no tools");
      return;
    }
    for (McpTool t : tools) {
      out.println(t.name() + "(" + parameters(t) + ")");
      if (t.description() != null) {
        out.println("    " + t.description());
      }
    }
  }

  private static String parameters(McpTool tool) {
    Map<String, Object> schema = tool.inputSchema() == null ? Map.of() : tool.inputSchema();
    if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
      return "";
    }
    List<?> required = schema.get("required") instanceof List<?> r ? r : List.of();
    StringBuilder b = new StringBuilder();
    properties.forEach(
        (name, property) -> {
          Object type = property instanceof Map<?, ?> m ? m.get("type") : null;
          b.append(b.length() == 0 ? "" : ", ")
              .append(name)
              .append(required.contains(name) ? "" : "?")
              .append(type == null ? "" : ": " + type);
        });
    return b.toString();
  }

  void answer(Answer answer) {
    out.println(answer.text());
  }

  /**
   * @param a the answer
   * @param prices the prices the cost was estimated with
   * @param launchedAt when {@code ./mcp} started (milliseconds since the epoch), null when unknown
   * @return the line on standard error after an answer
   */
  static String usageLine(Answer a, Prices prices, Long launchedAt) {
    TokenUsage u = a.usage();
    return String.format(
            Locale.ROOT,
            "[%s · tokens in %,d · out %,d · cache read %,d · cache write %,d · est. $%.4f%s"
                + " · tools sent %d (%,d bytes) · tool calls %d · discovery %d ms%s]",
            a.model() == null ? "no model call" : a.model(),
            u.inputTokens(),
            u.outputTokens(),
            u.cacheReadTokens(),
            u.cacheWriteTokens(),
            a.costUsd(),
            prices.equals(Prices.FREE) ? " (prices not set)" : "",
            a.toolsOffered().size(),
            a.toolDefinitionBytes(),
            a.toolCalls().size(),
            a.discoveryMillis(),
            launchedAt == null
                ? ""
                : ", tools ready " + (a.toolsReadyAt() - launchedAt) + " ms after launch")
        + searchLine(a);
  }

  /**
   * What the model's own registry searches cost (already counted in the totals), when there were
   * any.
   */
  private static String searchLine(Answer a) {
    if (a.searchRounds() == 0) {
      return "";
    }
    TokenUsage s = a.searchUsage();
    return String.format(
        Locale.ROOT,
        "%n[registry searched by the model: %d call%s, tokens in %,d · out %,d · cache"
            + " read %,d · cache write %,d; queries: %s]",
        a.searchRounds(),
        a.searchRounds() == 1 ? "" : "s",
        s.inputTokens(),
        s.outputTokens(),
        s.cacheReadTokens(),
        s.cacheWriteTokens(),
        a.searchQueries().isEmpty() ? "none" : "'" + String.join("', '", a.searchQueries()) + "'");
  }

  private void field(String name, String value) {
    if (value != null) {
      out.println("  " + name + ": " + value);
    }
  }

  private static String health(CatalogServer s) {
    String status = s.healthStatus();
    if (s.health() != null && s.health().latencyMillis() != null && "healthy".equals(status)) {
      return status + " " + s.health().latencyMillis() + " ms";
    }
    return status;
  }

  private static String join(String title, String description) {
    if (title == null) {
      return description;
    }
    return description == null ? title : title + ": " + description;
  }
}
