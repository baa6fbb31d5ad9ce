package io.mcpplatform.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.llm.AnthropicBackend;
import io.mcpplatform.client.llm.OpenAiBackend;
import io.mcpplatform.client.llm.Prices;
import io.mcpplatform.client.mcp.Backoff;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.client.testing.TestMcpServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tool loop end to end in one process: the real local registry, real MCP servers on loopback,
 * and a loopback server speaking the Anthropic Messages (or OpenAI) wire format with scripted
 * tool-use turns.
 */
class AssistantTest extends OnLocalPlatform {

  private Assistant anthropic() {
    return anthropic(Assistant.Options.DEFAULT);
  }

  @Test
  void ask_sendsOnlyMatchingTools_withCacheControlOnTheStablePrefix_andToolResultFromTheServer() {
    llm.reply(
            FakeLlmServer.anthropicToolUse(
                "toolu_1", "geo__get_location", "{\"address\":\"Eiffel Tower\"}"))
        .reply(FakeLlmServer.anthropicText("The Eiffel Tower is on the Champ de Mars in Paris."));

    Answer answer = anthropic().ask("What is the location of the Eiffel Tower?", "maps location");

    assertThat(answer.text()).isEqualTo("The Eiffel Tower is on the Champ de Mars in Paris.");
    assertThat(answer.rounds()).isEqualTo(2);
    List<FakeLlmServer.Received> requests = llm.received();
    assertThat(requests).hasSize(2);
    JsonNode first = requests.get(0).body();
    assertThat(requests.get(0).path()).isEqualTo("/v1/messages");
    assertThat(requests.get(0).headers().values()).anyMatch(v -> v.contains("test-key"));
    assertThat(names(first.path("tools")))
        .contains("geo__get_location")
        .doesNotContain("weather__get_forecast", "odd__verbose_report", "broken__get_location");
    JsonNode geo = tool(first.path("tools"), "geo__get_location");
    assertThat(geo.path("input_schema").path("required").get(0).asString()).isEqualTo("address");
    assertThat(geo.path("input_schema").path("properties").path("address").path("type").asString())
        .isEqualTo("string");
    assertThat(first.path("system").get(0).path("cache_control").path("type").asString())
        .isEqualTo("ephemeral");
    JsonNode second = requests.get(1).body();
    assertThat(second.path("tools")).isEqualTo(first.path("tools"));
    JsonNode result = second.path("messages").get(2).path("content").get(0);
    assertThat(result.path("type").asString()).isEqualTo("tool_result");
    assertThat(result.path("tool_use_id").asString()).isEqualTo("toolu_1");
    assertThat(result.path("is_error").asBoolean()).isFalse();
    assertThat(result.path("content").asString()).contains("Champ de Mars").contains("48.8584");
    assertThat(second.path("messages").get(1).path("content").get(1).path("type").asString())
        .isEqualTo("tool_use");
  }

  @Test
  void ask_reportsTokensAndCost_summedOverRounds() {
    llm.reply(
            FakeLlmServer.anthropicToolUse(
                "toolu_1", "geo__get_location", "{\"address\":\"Louvre\"}"))
        .reply(FakeLlmServer.anthropicText("In Paris."));

    Answer answer = anthropic().ask("Where is the Louvre? maps location", null);

    assertThat(answer.usage().inputTokens()).isEqualTo(900);
    assertThat(answer.usage().outputTokens()).isEqualTo(70);
    assertThat(answer.usage().cacheWriteTokens()).isEqualTo(1200);
    assertThat(answer.usage().cacheReadTokens()).isEqualTo(1200);
    // 900*3 + 70*15 + 1200*0.30 + 1200*3.75 per million
    assertThat(answer.costUsd()).isCloseTo(0.00861, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(answer.toolCalls())
        .extracting(Answer.ToolCallRecord::tool)
        .containsExactly("geo__get_location");
  }

  @Test
  void ask_returnsToolFailureToTheModelAsErrorResult() {
    llm.reply(FakeLlmServer.anthropicToolUse("toolu_9", "odd__always_fails", "{}"))
        .reply(FakeLlmServer.anthropicText("The lookup service is down."));

    Answer answer = anthropic().ask("run the failing odd lookup", null);

    JsonNode result = llm.received().get(1).body().path("messages").get(2).path("content").get(0);
    assertThat(result.path("is_error").asBoolean()).isTrue();
    assertThat(result.path("content").asString()).isEqualTo("Upstream lookup service unavailable");
    assertThat(answer.toolCalls())
        .singleElement()
        .extracting(Answer.ToolCallRecord::isError)
        .isEqualTo(true);
    assertThat(answer.text()).isEqualTo("The lookup service is down.");
  }

  @Test
  void ask_returnsTimeoutAsErrorResult_whenToolOutlastsTheTimeout() {
    llm.reply(FakeLlmServer.anthropicToolUse("toolu_s", "odd__slow_lookup", "{}"))
        .reply(FakeLlmServer.anthropicText("It took too long."));
    ServerConnector impatient =
        new ServerConnector(
            new Backoff(3, Duration.ZERO, 2, d -> {}), Duration.ofSeconds(3), "test");
    try (Discovery quick =
        new Discovery(
            registry,
            impatient,
            HeaderCredentials.load(Map.of(), null),
            Discovery.Options.DEFAULT)) {
      new Assistant(
              quick,
              AnthropicBackend.fromEnvironment(
                  Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", llm.baseUrl()),
                  "m",
                  Prices.FREE),
              Assistant.Options.DEFAULT)
          .ask("run the slow odd lookup", null);
    }

    JsonNode result = llm.received().get(1).body().path("messages").get(2).path("content").get(0);
    assertThat(result.path("is_error").asBoolean()).isTrue();
    assertThat(result.path("content").asString()).contains("timed out").doesNotContain("Exception");
  }

  @Test
  void ask_capsLongToolResults() {
    llm.reply(FakeLlmServer.anthropicToolUse("toolu_v", "odd__verbose_report", "{}"))
        .reply(FakeLlmServer.anthropicText("Long."));

    anthropic().ask("the verbose odd report", null);

    String content =
        llm.received()
            .get(1)
            .body()
            .path("messages")
            .get(2)
            .path("content")
            .get(0)
            .path("content")
            .asString();
    assertThat(content.length()).isLessThanOrEqualTo(Toolbox.DEFAULT_MAX_RESULT_CHARS);
    assertThat(content).endsWith("more characters left out]");
  }

  @Test
  void ask_answersClearlyWithoutCallingTheModel_whenNoServerMatches_andTheModelMayNotSearch() {
    Answer answer =
        anthropic(new Assistant.Options(10, 1024, 0)).ask("translate this poem into Klingon", null);

    assertThat(answer.text()).isEqualTo(Assistant.NO_TOOLS);
    assertThat(answer.rounds()).isZero();
    assertThat(llm.received()).isEmpty();
  }

  @Test
  void ask_skipsUnhealthyServers() {
    llm.reply(FakeLlmServer.anthropicText("ok"));

    Answer answer = anthropic().ask("broken maps location", null);

    assertThat(answer.servers()).doesNotContain("broken");
  }

  @Test
  void ask_sendsTheSecretHeaderFromTheEnvironment_whenTheRemoteRequiresIt() {
    llm.reply(
            FakeLlmServer.anthropicToolUse(
                "toolu_k", "secure__get_location", "{\"address\":\"Rome\"}"))
        .reply(FakeLlmServer.anthropicText("Rome."));

    Answer answer = anthropic().ask("secure location lookup", null);

    assertThat(answer.servers()).contains("secure");
    assertThat(platform.servers().secureKeysSeen()).contains(TestMcpServers.SECRET);
    assertThat(answer.toolCalls())
        .singleElement()
        .extracting(Answer.ToolCallRecord::isError)
        .isEqualTo(false);
    assertThat(answer.text()).doesNotContain(TestMcpServers.SECRET);
  }

  @Test
  void ask_namesTheMissingVariable_whenASecretHeaderHasNoValue() {
    Discovery noSecrets =
        new Discovery(
            registry,
            ServerConnector.withDefaults(),
            HeaderCredentials.load(Map.of(), null),
            Discovery.Options.DEFAULT);
    Assistant assistant =
        new Assistant(
            noSecrets,
            AnthropicBackend.fromEnvironment(
                Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", llm.baseUrl()),
                "m",
                Prices.FREE),
            Assistant.Options.DEFAULT);

    Answer answer = assistant.ask("secure", null);
    noSecrets.close();

    assertThat(answer.problems())
        .singleElement()
        .asString()
        .contains("MCP_HEADER_secure__X_2DApi_2DKey");
    assertThat(answer.text()).contains("MCP_HEADER_secure__X_2DApi_2DKey");
    assertThat(llm.received()).isEmpty();
  }

  @Test
  void chat_keepsHistoryAsTextOnly() {
    llm.reply(
            FakeLlmServer.anthropicToolUse(
                "toolu_1", "geo__get_location", "{\"address\":\"Eiffel Tower\"}"))
        .reply(FakeLlmServer.anthropicText("Champ de Mars, Paris."))
        .reply(FakeLlmServer.anthropicText("About 7 km."));
    Assistant assistant = anthropic();

    assistant.chat("maps location of the Eiffel Tower");
    assistant.chat("And how far is that from the Louvre location?");

    JsonNode third = llm.received().get(2).body().path("messages");
    assertThat(third).hasSize(3);
    assertThat(third.get(0).path("content").get(0).path("text").asString())
        .isEqualTo("maps location of the Eiffel Tower");
    assertThat(third.get(1).path("content").get(0).path("text").asString())
        .isEqualTo("Champ de Mars, Paris.");
    assertThat(third.get(2).path("role").asString()).isEqualTo("user");
  }

  @Test
  void ask_runsTheSameLoopOverTheOpenAiWireFormat() {
    llm.reply(
            FakeLlmServer.openAiToolCall(
                "call_1", "geo__get_location", "{\"address\":\"Eiffel Tower\"}"))
        .reply(FakeLlmServer.openAiText("Paris."));
    Assistant assistant =
        new Assistant(
            discovery,
            new OpenAiBackend(llm.baseUrl(), null, "local-model", Prices.FREE),
            Assistant.Options.DEFAULT);

    // a search naming the test geocoder: this test is about the OpenAI wire format, not the ranking
    Answer answer =
        assistant.ask("Where is the Eiffel Tower?", "Geo maps geocoding of places and addresses");

    assertThat(answer.text()).isEqualTo("Paris.");
    FakeLlmServer.Received second = llm.received().get(1);
    assertThat(second.path()).isEqualTo("/chat/completions");
    assertThat(second.headers()).doesNotContainKey("authorization");
    assertThat(names2(second.body().path("tools")))
        .contains("geo__get_location")
        .doesNotContain("weather__get_forecast");
    JsonNode messages = second.body().path("messages");
    assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
    assertThat(messages.get(2).path("tool_calls").get(0).path("id").asString()).isEqualTo("call_1");
    assertThat(messages.get(3).path("role").asString()).isEqualTo("tool");
    assertThat(messages.get(3).path("tool_call_id").asString()).isEqualTo("call_1");
    assertThat(messages.get(3).path("content").asString()).contains("Champ de Mars");
    assertThat(answer.usage().cacheReadTokens()).isEqualTo(100);
    assertThat(answer.usage().inputTokens()).isEqualTo(550);
  }

  private static JsonNode tool(JsonNode tools, String name) {
    for (JsonNode t : tools) {
      if (t.path("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no tool " + name + " in " + tools);
  }

  private static List<String> names(JsonNode tools) {
    List<String> out = new ArrayList<>();
    tools.forEach(t -> out.add(t.path("name").asString()));
    return out;
  }

  private static List<String> names2(JsonNode tools) {
    List<String> out = new ArrayList<>();
    tools.forEach(t -> out.add(t.path("function").path("name").asString()));
    return out;
  }
}
