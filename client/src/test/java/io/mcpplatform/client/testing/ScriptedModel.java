package io.mcpplatform.client.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted Anthropic Messages model for {@link FakeLlmServer#replyBy}, deciding from what each
 * request offers as a model would: offered the registry search tool, it sends its queries in turn
 * (then gives up in words); offered the server tool it wants, it calls it; given that tool's
 * result, it answers with the result's {@code Coordinates:} line (or its first line).
 */
public final class ScriptedModel implements Function<FakeLlmServer.Received, String> {

  /** The client's registry search tool. */
  public static final String SEARCH_TOOL = "search_registry";

  private final List<String> queries;
  private final String tool;
  private final String toolInput;
  private final String giveUp;

  /**
   * @param queries what it searches the registry for, in turn
   * @param tool the server tool it calls once offered, as the model sees it ({@code server__tool})
   * @param toolInput that call's arguments, as JSON
   * @param giveUp its answer when every query is spent
   */
  public ScriptedModel(List<String> queries, String tool, String toolInput, String giveUp) {
    this.queries = List.copyOf(queries);
    this.tool = tool;
    this.toolInput = toolInput;
    this.giveUp = giveUp;
  }

  @Override
  public String apply(FakeLlmServer.Received request) {
    JsonNode body = request.body();
    List<String> offered = offered(body);
    JsonNode messages = body.path("messages");
    JsonNode last = messages.get(messages.size() - 1).path("content");
    if (offered.contains(SEARCH_TOOL)) {
      int searches = 0;
      for (JsonNode message : messages) {
        for (JsonNode part : message.path("content")) {
          searches += SEARCH_TOOL.equals(part.path("name").asString()) ? 1 : 0;
        }
      }
      return searches < queries.size()
          ? FakeLlmServer.anthropicToolUse(
              "toolu_s" + searches,
              SEARCH_TOOL,
              JsonMapper.shared()
                  .writeValueAsString(java.util.Map.of("query", queries.get(searches))))
          : FakeLlmServer.anthropicText(giveUp);
    }
    if (last.isArray() && "tool_result".equals(last.path(0).path("type").asString())) {
      return FakeLlmServer.anthropicText(
          tool + " says " + line(last.path(0).path("content").asString()));
    }
    if (offered.contains(tool)) {
      return FakeLlmServer.anthropicToolUse("toolu_t", tool, toolInput);
    }
    return FakeLlmServer.anthropicText("None of the tools offered fits.");
  }

  /**
   * @return the tool names a request offered
   */
  public static List<String> offered(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.path("tools").forEach(t -> names.add(t.path("name").asString()));
    return names;
  }

  private static String line(String result) {
    for (String line : result.split("\n")) {
      if (line.startsWith("Coordinates:")) {
        return line;
      }
    }
    return result.split("\n")[0];
  }
}
