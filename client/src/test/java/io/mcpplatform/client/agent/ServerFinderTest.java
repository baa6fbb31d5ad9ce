package io.mcpplatform.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.client.testing.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding tools for a question whose words name no service: the real local system (its registry and
 * its maps server on the offline gazetteer, plus the test servers) and a scripted model on the
 * Anthropic Messages wire format that searches the registry in its own words when offered the
 * search tool. Each test prints which tools every request offered and which server answered.
 */
class ServerFinderTest extends OnLocalPlatform {

  private static final String MAPS_TOOL = "maps__get_location";

  private Assistant assistant(int searchRounds) {
    return anthropic(new Assistant.Options(10, 1024, searchRounds));
  }

  private List<List<String>> offeredPerRequest(String question, Answer answer) {
    List<List<String>> offered =
        llm.received().stream().map(r -> ScriptedModel.offered(r.body())).toList();
    System.out.println(
        "ask \""
            + question
            + "\": tools offered per model call "
            + offered
            + "; model searched for "
            + answer.searchQueries()
            + "; servers "
            + answer.servers()
            + "; tool calls "
            + answer.toolCalls().stream().map(Answer.ToolCallRecord::tool).toList()
            + "; answer: "
            + answer.text());
    return offered;
  }

  @Test
  void ask_whereIsParis_reachesTheMapsServer_andAnswersWithItsCoordinates() {
    llm.replyBy(
        new ScriptedModel(
            List.of("geocoding"), MAPS_TOOL, "{\"location\":\"Paris\"}", "Not found."));

    Answer answer = assistant(3).ask("Where is Paris?", null);

    List<List<String>> offered = offeredPerRequest("Where is Paris?", answer);
    assertThat(answer.text()).startsWith(MAPS_TOOL + " says Coordinates: 48.8");
    assertThat(answer.servers()).contains("maps");
    assertThat(answer.toolCalls())
        .extracting(Answer.ToolCallRecord::tool)
        .containsExactly(MAPS_TOOL);
    assertThat(answer.toolCalls().get(0).isError()).isFalse();
    if (answer.searchQueries().isEmpty()) {
      // a registry that understands the question itself: the maps tools straight away, no search
      // tool
      assertThat(offered.get(0)).contains(MAPS_TOOL).doesNotContain(ScriptedModel.SEARCH_TOOL);
    } else {
      assertThat(offered.get(0)).containsExactly(ScriptedModel.SEARCH_TOOL);
      assertThat(answer.searchQueries()).containsExactly("geocoding");
      assertThat(offered.get(1)).contains(MAPS_TOOL).doesNotContain(ScriptedModel.SEARCH_TOOL);
    }
  }

  @Test
  void
      ask_offersOnlyTheSearchTool_whenNothingIsRelevant_thenOnlyTheToolsOfTheServersItsQueryReached() {
    llm.replyBy(
        new ScriptedModel(
            List.of("geocoding"), MAPS_TOOL, "{\"location\":\"Paris\"}", "Not found."));

    // a search no entry matches, lexically or by meaning: the question's own words found nothing
    Answer answer = assistant(3).ask("Where is Paris?", "qqzx");

    List<List<String>> offered = offeredPerRequest("Where is Paris?", answer);
    assertThat(offered).hasSize(3);
    assertThat(offered.get(0)).containsExactly(ScriptedModel.SEARCH_TOOL);
    String searchTool = llm.received().get(0).body().path("tools").get(0).toString();
    System.out.println(
        "the search tool's definition, " + searchTool.length() + " bytes: " + searchTool);
    assertThat(searchTool.length()).isLessThan(500);
    assertThat(offered.get(1))
        .contains(MAPS_TOOL)
        .doesNotContain(ScriptedModel.SEARCH_TOOL)
        .noneMatch(name -> name.startsWith("weather__") || name.startsWith("odd__"));
    assertThat(offered.get(2)).isEqualTo(offered.get(1));
    assertThat(llm.received().get(1).body().path("messages")).hasSize(1);
    assertThat(answer.searchQueries()).containsExactly("geocoding");
    assertThat(answer.searchRounds()).isEqualTo(1);
    assertThat(answer.rounds()).isEqualTo(3);
    assertThat(answer.text()).startsWith(MAPS_TOOL + " says Coordinates: 48.8");
    // the search call's tokens (one scripted tool-use reply) are reported apart and counted in the
    // totals
    assertThat(answer.searchUsage().inputTokens()).isEqualTo(400);
    assertThat(answer.searchUsage().outputTokens()).isEqualTo(30);
    assertThat(answer.usage().inputTokens()).isEqualTo(400 + 400 + 500);
  }

  @Test
  void ask_offersNoSearchTool_whenTheRegistryFindsARelevantServerForTheQuestion() {
    llm.replyBy(
        new ScriptedModel(
            List.of("weather"), "weather__get_forecast", "{\"city\":\"Lyon\"}", "None."));

    Answer answer = assistant(3).ask("What is the weather forecast for Lyon?", null);

    List<List<String>> offered =
        offeredPerRequest("What is the weather forecast for Lyon?", answer);
    assertThat(offered)
        .hasSize(2)
        .allSatisfy(
            tools ->
                assertThat(tools)
                    .contains("weather__get_forecast")
                    .doesNotContain(ScriptedModel.SEARCH_TOOL));
    assertThat(answer.searchRounds()).isZero();
    assertThat(answer.searchUsage()).isEqualTo(io.mcpplatform.client.llm.TokenUsage.ZERO);
    assertThat(answer.text()).isEqualTo("weather__get_forecast says Sunny, 21 C in Lyon");
  }

  @Test
  void ask_priceOfBitcoin_searchesInTheModelsWords_andAnswersInWords_whenNoServerFits() {
    llm.replyBy(
        new ScriptedModel(
            List.of("cryptocurrency price", "bitcoin exchange rate"),
            "none__none",
            "{}",
            "No registered server offers cryptocurrency prices."));

    Answer answer = assistant(3).ask("What is the price of bitcoin?", null);

    List<List<String>> offered = offeredPerRequest("What is the price of bitcoin?", answer);
    assertThat(offered)
        .hasSize(3)
        .allSatisfy(tools -> assertThat(tools).containsExactly(ScriptedModel.SEARCH_TOOL));
    assertThat(answer.servers()).isEmpty();
    assertThat(answer.toolsOffered()).isEmpty();
    assertThat(answer.searchQueries())
        .containsExactly("cryptocurrency price", "bitcoin exchange rate");
    assertThat(answer.text()).isEqualTo("No registered server offers cryptocurrency prices.");
    assertThat(answer.searchRounds()).isEqualTo(3);
    assertThat(answer.usage()).isEqualTo(answer.searchUsage());
    assertThat(answer.costUsd()).isPositive();
    String second =
        llm.received()
            .get(1)
            .body()
            .path("messages")
            .get(2)
            .path("content")
            .get(0)
            .path("content")
            .asString();
    assertThat(second).startsWith("No server matched 'cryptocurrency price' closely enough.");
  }

  @Test
  void ask_stopsSearchingAfterTheBound_andSaysWhatWasSearched() {
    llm.replyBy(
        new ScriptedModel(
            List.of("crypto", "coins", "tickers", "markets", "prices"),
            "none__none",
            "{}",
            "unused"));

    Answer answer = assistant(2).ask("What is the price of bitcoin?", "qqzx");

    assertThat(llm.received()).hasSize(2);
    assertThat(answer.searchQueries()).containsExactly("crypto", "coins");
    assertThat(answer.text()).startsWith(Assistant.NO_TOOLS).contains("'crypto', 'coins'");
  }

  @Test
  void ask_answersAtOnceWithoutTheModel_whenSearchRoundsAreZero() {
    Answer answer = assistant(0).ask("What is the price of bitcoin?", "qqzx");

    assertThat(answer.text()).isEqualTo(Assistant.NO_TOOLS);
    assertThat(llm.received()).isEmpty();
  }

  @Test
  void ask_tellsTheModel_whenItsQueryIsNotAString() {
    llm.reply(
            FakeLlmServer.anthropicToolUse(
                "toolu_bad", ScriptedModel.SEARCH_TOOL, "{\"query\": 42}"))
        .reply(FakeLlmServer.anthropicText("I cannot search."));

    Answer answer = assistant(3).ask("Where is Paris?", "qqzx");

    String result =
        llm.received().get(1).body().path("messages").get(2).path("content").get(0).toString();
    assertThat(result).contains("\"is_error\":true").contains("non-empty string");
    assertThat(answer.text()).isEqualTo("I cannot search.");
    assertThat(answer.searchQueries()).isEmpty();
  }

  @Test
  void chat_findsToolsTheSameWay() {
    llm.replyBy(
        new ScriptedModel(
            List.of("geocoding"), MAPS_TOOL, "{\"location\":\"Paris\"}", "Not found."));

    Answer answer = assistant(3).chat("Where is Paris?");

    offeredPerRequest("Where is Paris? (chat)", answer);
    assertThat(answer.text()).startsWith(MAPS_TOOL + " says Coordinates: 48.8");
    assertThat(answer.servers()).contains("maps");
  }
}
