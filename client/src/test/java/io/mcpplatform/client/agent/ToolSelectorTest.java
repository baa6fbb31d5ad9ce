package io.mcpplatform.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSelectorTest {

  private static final ToolSelector.Candidate LOCATION =
      new ToolSelector.Candidate(
          0, 1.0, "get_location", "Find the coordinates of a place or address");
  private static final ToolSelector.Candidate REVERSE =
      new ToolSelector.Candidate(
          0, 1.0, "reverse_geocode", "Find the address at latitude and longitude");
  private static final ToolSelector.Candidate FORECAST =
      new ToolSelector.Candidate(1, 0.5, "get_forecast", "Weather forecast for a city");

  @Test
  void select_keepsTheToolSharingWordsWithTheQuestion() {
    List<ToolSelector.Candidate> chosen =
        new ToolSelector(5)
            .select(
                "What are the coordinates of the Eiffel Tower?",
                List.of(LOCATION, REVERSE, FORECAST));

    assertThat(chosen).containsExactly(LOCATION);
  }

  @Test
  void select_matchesWordForms_throughACommonStem() {
    List<ToolSelector.Candidate> chosen =
        new ToolSelector(5).select("weather forecasting for Lyon", List.of(LOCATION, FORECAST));

    assertThat(chosen).containsExactly(FORECAST);
  }

  @Test
  void select_fallsBackToTheTopServersTools_whenNoWordMatches() {
    List<ToolSelector.Candidate> chosen =
        new ToolSelector(5).select("Eiffel Tower?", List.of(LOCATION, REVERSE, FORECAST));

    assertThat(chosen).containsExactlyInAnyOrder(LOCATION, REVERSE);
  }

  @Test
  void select_neverReturnsMoreThanTheBound() {
    List<ToolSelector.Candidate> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new ToolSelector.Candidate(0, 1.0, "find_place_" + i, "find a place"));
    }

    assertThat(new ToolSelector(3).select("find a place", many)).hasSize(3);
  }
}
