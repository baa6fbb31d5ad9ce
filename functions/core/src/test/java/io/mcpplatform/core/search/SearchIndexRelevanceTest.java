package io.mcpplatform.core.search;

import static io.mcpplatform.core.search.Entries.entry;
import static io.mcpplatform.core.search.Entries.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchIndexRelevanceTest {

  private final SearchIndex index = new SearchIndex();

  @BeforeEach
  void fill() {
    index.upsertAll(Entries.catalog());
  }

  private List<String> names(String text) {
    return index.search(SearchQuery.text(text, 50)).hits().stream()
        .map(h -> h.entry().name())
        .toList();
  }

  @Test
  void search_rankedByRelevance_whenQueryNamesTheServer() {
    assertThat(names("weather")).first().isEqualTo("weather-api");
    assertThat(names("weather")).containsExactlyInAnyOrder("weather-api", "noaa-alerts");
    assertThat(names("github")).first().isEqualTo("github");
  }

  @Test
  void search_rankedByRelevance_whenQueryMatchesTool() {
    assertThat(names("pull requests")).containsExactly("github");
    assertThat(names("geocode")).first().isIn("google-maps", "osm-geocoder");
    assertThat(names("reverse geocode").subList(0, 2)).contains("google-maps");
    assertThat(names("sql database")).first().isEqualTo("postgres-db");
    assertThat(names("database")).containsExactlyInAnyOrder("postgres-db", "sqlite-explorer");
  }

  @Test
  void search_matchesWholeAndSplitCapabilityNames() {
    assertThat(names("get_location")).first().isEqualTo("google-maps");
    assertThat(names("location")).contains("google-maps");
    assertThat(names("departures")).containsExactly("zurich-transit");
  }

  @Test
  void search_prefersEntryMatchingEveryWord_whenQueryHasSeveralWords() {
    List<String> ranked = names("weather forecast");
    assertThat(ranked).first().isEqualTo("weather-api");
    assertThat(ranked).contains("noaa-alerts", "sales-forecast");
  }

  @Test
  void search_foldsAccentsAndCase() {
    assertThat(names("zurich")).containsExactly("zurich-transit");
    assertThat(names("ZÜRICH")).containsExactly("zurich-transit");
    assertThat(names("Zürich")).containsExactly("zurich-transit");
    index.upsert(
        entry("cafe-finder").title("CAFÉ Finder").description("Finds a café nearby").build());
    assertThat(names("cafe")).containsExactly("cafe-finder");
    assertThat(names("Café")).containsExactly("cafe-finder");
  }

  @Test
  void search_matchesPrefixes_whenWordIsStartOfTerm() {
    assertThat(names("geo")).contains("google-maps", "osm-geocoder");
    assertThat(names("postgr")).containsExactly("postgres-db");
    assertThat(names("g")).isEmpty();
  }

  @Test
  void search_scoresExactMatchAbovePrefixMatch() {
    SearchIndex small = new SearchIndex();
    small.upsertAll(
        List.of(
            entry("a-server").title("Geocoder").build(), entry("b-server").title("Geo").build()));
    List<SearchHit> hits = small.search(SearchQuery.text("geo", 10)).hits();
    assertThat(hits).extracting(h -> h.entry().name()).containsExactly("b-server", "a-server");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void search_splitsNamesOnSeparatorsAndCamelCase() {
    index.upsert(entry("com.example/tideTables").title("Tides").build());
    assertThat(names("tables")).contains("com.example/tideTables");
    assertThat(names("tidetables")).containsExactly("com.example/tideTables");
    assertThat(names("com.example/tideTables")).first().isEqualTo("com.example/tideTables");
    assertThat(names("example")).containsExactly("com.example/tideTables");
  }

  @Test
  void search_ignoresStopWords() {
    assertThat(names("the weather")).isEqualTo(names("weather"));
    assertThat(names("the of and")).isEmpty();
  }

  @Test
  void search_breaksTiesByName() {
    SearchIndex small = new SearchIndex();
    small.upsertAll(
        List.of(
            entry("charlie").title("Echo").build(),
            entry("alpha").title("Echo").build(),
            entry("bravo").title("Echo").build()));
    List<SearchHit> hits = small.search(SearchQuery.text("echo", 10)).hits();
    assertThat(hits).extracting(h -> h.entry().name()).containsExactly("alpha", "bravo", "charlie");
    assertThat(hits.get(0).score()).isEqualTo(hits.get(2).score()).isPositive();
  }

  @Test
  void search_capsPrefixExpansions_whenPrefixIsVeryCommon() {
    SearchIndex small = new SearchIndex();
    List<ServerEntry> many = new ArrayList<>();
    for (int i = 0; i < LexicalQuery.MAX_EXPANSIONS * 3; i++) {
      many.add(entry("s" + i).title("zqx" + Integer.toString(i, 36) + "x").build());
    }
    small.upsertAll(many);
    SearchResult result = small.search(SearchQuery.text("zqx", 500));
    assertThat(result.total()).isEqualTo(LexicalQuery.MAX_EXPANSIONS);
  }

  @Test
  void search_findsDiscoveredCapabilities() {
    index.upsert(
        entry("mystery")
            .title("Mystery")
            .discovered(tool("translate_text", "Translate text"))
            .build());
    assertThat(names("translate")).containsExactly("mystery");
  }

  @Test
  void search_returnsNothing_whenNoTermMatches() {
    SearchResult result = index.search(SearchQuery.text("xylophone", 10));
    assertThat(result.hits()).isEmpty();
    assertThat(result.total()).isZero();
    assertThat(result.nextOffset()).isNull();
  }
}
