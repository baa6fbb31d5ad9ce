package io.mcpplatform.core.search;

import static io.mcpplatform.core.search.Entries.entry;
import static io.mcpplatform.core.search.Entries.resource;
import static io.mcpplatform.core.search.Entries.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ValidationException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchIndexFilterTest {

  private final SearchIndex index = new SearchIndex();

  @BeforeEach
  void fill() {
    index.upsertAll(Entries.catalog());
    index.upsertAll(
        List.of(
            entry("broken-weather")
                .title("Broken Weather")
                .description("A weather server that is down")
                .tags("weather")
                .tools(tool("get_forecast", "Forecast"))
                .health(HealthStatus.UNHEALTHY)
                .updated(9)
                .build(),
            entry("new-weather")
                .title("New Weather")
                .description("Weather not yet checked")
                .tags("weather")
                .health(HealthStatus.UNKNOWN)
                .updated(8)
                .build(),
            entry("old-weather")
                .title("Old Weather")
                .description("A retired weather server")
                .tags("weather")
                .status(LifecycleStatus.DELETED)
                .updated(10)
                .build(),
            entry("probed-docs")
                .title("Docs")
                .description("Documentation pages")
                .discovered(resource("page", "A documentation page"))
                .updated(0)
                .build()));
  }

  private List<String> names(SearchQuery query) {
    return index.search(query).hits().stream().map(h -> h.entry().name()).toList();
  }

  private static SearchQuery query(
      String text, List<String> tags, String type, String health, boolean includeUnhealthy) {
    return new SearchQuery(text, tags, type, health, includeUnhealthy, 0, 100);
  }

  @Test
  void search_keepsEntriesWithAnyTag_ignoringCase() {
    assertThat(names(query("", List.of("MAPS", "git"), null, null, false)))
        .containsExactlyInAnyOrder("google-maps", "osm-geocoder", "github");
    assertThat(names(query("geocode", List.of("Geo"), null, null, false)))
        .containsExactly("google-maps");
    assertThat(names(query("weather", List.of("nope"), null, null, false))).isEmpty();
  }

  @Test
  void search_keepsEntriesWithCapabilityType_declaredOrDiscovered() {
    assertThat(names(query("", List.of(), "resource", null, false)))
        .containsExactlyInAnyOrder("postgres-db", "sqlite-explorer", "probed-docs");
    assertThat(names(query("database", List.of(), "TOOL", null, false)))
        .containsExactly("postgres-db");
  }

  @Test
  void search_keepsOnlyGivenHealthStatus() {
    assertThat(names(query("weather", List.of(), null, "unknown", false)))
        .containsExactly("new-weather");
    assertThat(names(query("weather", List.of(), null, "healthy", true)))
        .containsExactlyInAnyOrder("weather-api", "noaa-alerts");
    assertThat(names(query("weather", List.of(), null, "unhealthy", false)))
        .containsExactly("broken-weather");
  }

  @Test
  void search_leavesOutUnhealthyByDefault_andIncludesThemOnRequest() {
    assertThat(names(SearchQuery.text("weather", 100)))
        .doesNotContain("broken-weather")
        .contains("weather-api", "new-weather");
    assertThat(names(query("weather", List.of(), null, null, true))).contains("broken-weather");
    assertThat(names(query("", List.of(), null, null, false))).doesNotContain("broken-weather");
    assertThat(names(query("", List.of(), null, null, true))).contains("broken-weather");
  }

  @Test
  void search_neverReturnsDeletedEntries() {
    assertThat(names(query("old weather", List.of(), null, null, true)))
        .doesNotContain("old-weather");
    assertThat(names(query("", List.of("weather"), null, null, true)))
        .doesNotContain("old-weather");
    assertThat(names(query("retired", List.of(), null, null, true))).isEmpty();
    assertThat(index.get("old-weather")).isNotNull();
  }

  @Test
  void search_listsByMostRecentUpdate_whenTextIsEmpty() {
    SearchResult result = index.search(query("  ", List.of(), null, null, false));
    assertThat(result.hits())
        .extracting(h -> h.entry().name())
        .startsWith(
            "new-weather",
            "github",
            "google-maps",
            "weather-api",
            "noaa-alerts",
            "sales-forecast",
            "osm-geocoder",
            "postgres-db",
            "sqlite-explorer",
            "probed-docs",
            "zurich-transit");
    assertThat(result.hits()).allSatisfy(h -> assertThat(h.score()).isZero());
    assertThat(result.total()).isEqualTo(11);
  }

  @Test
  void search_rejectsUnknownFilterValues() {
    assertThatThrownBy(() -> index.search(query("x", List.of(), "prompt", null, false)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("capabilityType");
    assertThatThrownBy(() -> index.search(query("x", List.of(), null, "sick", false)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("healthStatus");
  }
}
