package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.agent.Answer;
import io.mcpplatform.client.llm.Prices;
import io.mcpplatform.client.llm.TokenUsage;
import io.mcpplatform.client.registry.CatalogServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {

  private static Answer answer(List<String> queries, int searchRounds, TokenUsage searchUsage) {
    return new Answer(
        "Paris is at 48.85, 2.35.",
        "claude-test",
        List.of("maps"),
        List.of("maps__get_location"),
        300,
        List.of(new Answer.ToolCallRecord("maps__get_location", false, 120)),
        List.of(),
        searchRounds + 2,
        searchUsage.plus(new TokenUsage(900, 70, 0, 0)),
        0.01,
        40,
        0,
        queries,
        searchRounds,
        searchUsage);
  }

  @Test
  void usageLine_showsWhatTheModelsRegistrySearchesSpent() {
    String line =
        Printer.usageLine(
            answer(List.of("geocoding"), 1, new TokenUsage(400, 30, 0, 0)),
            Prices.CLAUDE_SONNET,
            null);

    assertThat(line)
        .contains("tokens in 1,300 · out 100")
        .contains(
            "[registry searched by the model: 1 call, tokens in 400 · out 30 · cache read 0 · cache write 0;"
                + " queries: 'geocoding']");
  }

  @Test
  void servers_sayWhichFieldsMatched_byWordsAndByMeaning() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CatalogServer maps =
        new CatalogServer(
            "maps",
            "Maps",
            null,
            null,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            0.8234,
            new CatalogServer.SearchMatch(List.of("name", "tags"), List.of("tool:get_location")));
    CatalogServer geo =
        new CatalogServer(
            "geo",
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            0.41,
            new CatalogServer.SearchMatch(List.of(), List.of("description")));

    new Printer(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8))
        .servers(List.of(maps, geo), 2);

    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(
            "maps  [unknown]  score 0.82\n    Maps\n    matched: words in name, tags; meaning of tool:get_location\n")
        .contains("geo  [unknown]  score 0.41\n    matched: meaning of description\n");
  }

  @Test
  void usageLine_saysNothingOfASearch_whenTheRegistryFoundToolsForTheQuestion() {
    String line =
        Printer.usageLine(answer(List.of(), 0, TokenUsage.ZERO), Prices.CLAUDE_SONNET, null);

    assertThat(line).doesNotContain("registry searched");
  }
}
