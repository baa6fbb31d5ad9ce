package io.mcpplatform.client.agent;

import io.mcpplatform.client.llm.ChatMessage;
import io.mcpplatform.client.llm.ContentPart;
import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.LlmReply;
import io.mcpplatform.client.llm.LlmRequest;
import io.mcpplatform.client.llm.TokenUsage;
import io.mcpplatform.client.llm.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the registry finds nothing relevant for the user's words, lets the model search it in its
 * own: the model is offered one small tool, {@value #TOOL}, and each query it sends goes through
 * the same {@link Discovery} (relevance floor, health, budget). The first query that reaches
 * servers ends the search, and only their tools are offered for the answer. A question may need
 * words it does not hold ("Where is Paris?" names no service; "geocoding" does), which the model
 * supplies and the registry cannot.
 *
 * <p>Bounded: at most {@code maxRounds} model calls, each with one tool definition and a short
 * system prompt. If the model answers instead of searching (no tool needed, or nothing found), its
 * text is the answer.
 */
final class ServerFinder {

  /** The search tool's name; it holds no {@code __}, so it never looks like a server's tool. */
  static final String TOOL = "search_registry";

  /** Longest query passed to the registry. */
  static final int MAX_QUERY = 200;

  static final String SYSTEM =
      "The user's message matched no tool in a registry of MCP servers. To find one,"
          + " call "
          + TOOL
          + " with a few keywords naming the kind of service that could answer it (for example"
          + " 'geocoding coordinates' for where a place is, 'weather forecast', 'cryptocurrency price'), not the"
          + " question itself. Search again with other words if nothing is found. If no tool is needed, or no search"
          + " finds one, answer the user briefly and say so.";

  private static final ToolSpec SPEC =
      new ToolSpec(
          TOOL,
          "Search the registry of MCP servers by what they do."
              + " When servers match, their tools are used to answer the user; otherwise the result says nothing matched.",
          schema());

  /** The input schema, in a fixed order: the same bytes on every call. */
  private static Map<String, Object> schema() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("type", "string");
    query.put("maxLength", MAX_QUERY);
    query.put(
        "description",
        "keywords for the service needed, such as 'geocoding' or 'currency exchange rates'");
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("query", query));
    schema.put("required", List.of("query"));
    return schema;
  }

  /**
   * What the search led to.
   *
   * @param found the servers and tools the first successful query reached; null when none did
   * @param text the model's own answer when it stopped searching; null otherwise
   * @param queries the queries the model sent, in order
   * @param rounds model calls made
   * @param usage tokens those calls used
   * @param problems servers skipped and why, over all queries
   */
  record Outcome(
      Discovery.Found found,
      String text,
      List<String> queries,
      int rounds,
      TokenUsage usage,
      List<String> problems) {}

  private final Discovery discovery;
  private final LlmBackend llm;
  private final int maxRounds;
  private final int maxTokens;

  /**
   * @param discovery searches the registry and connects
   * @param llm the model
   * @param maxRounds most model calls, at least 1
   * @param maxTokens output bound per call
   */
  ServerFinder(Discovery discovery, LlmBackend llm, int maxRounds, int maxTokens) {
    this.discovery = discovery;
    this.llm = llm;
    this.maxRounds = maxRounds;
    this.maxTokens = maxTokens;
  }

  /**
   * @param question the user's message
   * @param earlier the conversation so far (text only)
   * @return what the search found, or the model's answer without tools
   */
  Outcome find(String question, List<ChatMessage> earlier) {
    List<ChatMessage> messages = new ArrayList<>(earlier);
    messages.add(ChatMessage.user(question));
    List<String> queries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    TokenUsage usage = TokenUsage.ZERO;
    int rounds = 0;
    while (rounds < maxRounds) {
      LlmReply reply = llm.complete(new LlmRequest(SYSTEM, List.of(SPEC), messages, maxTokens));
      rounds++;
      usage = usage.plus(reply.usage());
      if (reply.toolCalls().isEmpty()) {
        return new Outcome(null, reply.text(), queries, rounds, usage, problems);
      }
      messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, reply.content()));
      List<ContentPart> results = new ArrayList<>();
      for (ContentPart.ToolCall call : reply.toolCalls()) {
        String query = query(call);
        if (query == null) {
          results.add(
              new ContentPart.ToolResult(
                  call.id(),
                  "Call "
                      + TOOL
                      + " with {\"query\": \"keywords\"}: a"
                      + " non-empty string of at most "
                      + MAX_QUERY
                      + " characters.",
                  true));
          continue;
        }
        queries.add(query);
        Discovery.Found found = discovery.discover(query, question + " " + query, true);
        problems.addAll(found.problems());
        if (!found.toolbox().isEmpty()) {
          return new Outcome(found, null, queries, rounds, usage, problems);
        }
        results.add(new ContentPart.ToolResult(call.id(), nothing(query, found), false));
      }
      messages.add(new ChatMessage(ChatMessage.Role.USER, results));
    }
    return new Outcome(null, null, queries, rounds, usage, problems);
  }

  private static String query(ContentPart.ToolCall call) {
    if (!TOOL.equals(call.name())
        || call.input() == null
        || !(call.input().get("query") instanceof String q)) {
      return null;
    }
    String query = q.strip();
    return query.isEmpty() || query.length() > MAX_QUERY ? null : query;
  }

  private static String nothing(String query, Discovery.Found found) {
    String text = "No server matched '" + query + "' closely enough.";
    return found.problems().isEmpty()
        ? text + " Try other words, or answer without tools."
        : text + " Servers that matched could not be used: " + String.join(" ", found.problems());
  }
}
