package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.agent.Answer;
import io.mcpplatform.client.llm.Prices;
import io.mcpplatform.client.llm.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {

  private static Answer answer(List<String> queries, int searchRounds, TokenUsage searchUsage) {
    return new Answer("Paris is at 48.85, 2.35.", "claude-test", List.of("maps"), List.of("maps__get_location"), 300,
        List.of(new Answer.ToolCallRecord("maps__get_location", false, 120)), List.of(), searchRounds + 2,
        searchUsage.plus(new TokenUsage(900, 70, 0, 0)), 0.01, 40, 0, queries, searchRounds, searchUsage);
  }

  @Test
  void usageLine_showsWhatTheModelsRegistrySearchesSpent() {
    String line = Printer.usageLine(answer(List.of("geocoding"), 1, new TokenUsage(400, 30, 0, 0)),
        Prices.CLAUDE_SONNET, null);

    assertThat(line).contains("tokens in 1,300 · out 100")
        .contains("[registry searched by the model: 1 call, tokens in 400 · out 30 · cache read 0 · cache write 0;"
            + " queries: 'geocoding']");
  }

  @Test
  void usageLine_saysNothingOfASearch_whenTheRegistryFoundToolsForTheQuestion() {
    String line = Printer.usageLine(answer(List.of(), 0, TokenUsage.ZERO), Prices.CLAUDE_SONNET, null);

    assertThat(line).doesNotContain("registry searched");
  }
}
