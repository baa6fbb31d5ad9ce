package io.mcpplatform.core.search;

import static io.mcpplatform.core.search.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchIndexUpdateTest {

  private static List<String> names(SearchIndex index, String text) {
    return index.search(SearchQuery.text(text, 100)).hits().stream()
        .map(h -> h.entry().name())
        .toList();
  }

  private static List<SearchHit> hits(SearchIndex index, String text) {
    return index.search(SearchQuery.text(text, 100)).hits();
  }

  @Test
  void upsert_replacesOldText_soOldWordsNoLongerMatch() {
    SearchIndex index = new SearchIndex();
    index.upsertAll(Entries.catalog());
    index.upsert(
        entry("weather-api").title("Tide API").description("Tide tables for harbours").build());
    assertThat(names(index, "forecast")).doesNotContain("weather-api");
    assertThat(names(index, "tide")).containsExactly("weather-api");
    assertThat(index.get("weather-api").title()).isEqualTo("Tide API");
    assertThat(index.size()).isEqualTo(Entries.catalog().size());
  }

  @Test
  void upsert_keepsStatisticsRight_soScoresEqualAFreshIndex() {
    SearchIndex churned = new SearchIndex();
    churned.upsertAll(Entries.catalog());
    for (int i = 0; i < 5; i++) {
      churned.upsert(
          entry("weather-api").title("Tide API " + i).description("tide forecast tide").build());
      churned.upsert(entry("temp-" + i).title("Temporary weather").build());
      churned.remove("temp-" + i);
    }
    churned.upsert(Entries.catalog().get(0));

    SearchIndex fresh = new SearchIndex();
    fresh.upsertAll(Entries.catalog());
    for (String q : List.of("weather forecast", "geo", "database", "pull requests", "")) {
      assertThat(hits(churned, q)).isEqualTo(hits(fresh, q));
    }
  }

  @Test
  void upsert_ofDeletedStatus_hidesEntryButKeepsIt() {
    SearchIndex index = new SearchIndex();
    index.upsertAll(Entries.catalog());
    ServerEntry github = index.get("github");
    index.upsert(
        github.toBuilder()
            .discoveredCapabilities(List.of())
            .status(LifecycleStatus.DELETED)
            .revision(2)
            .build());
    assertThat(names(index, "github")).isEmpty();
    assertThat(index.get("github").status()).isEqualTo(LifecycleStatus.DELETED);
    index.upsert(github);
    assertThat(names(index, "github")).containsExactly("github");
  }

  @Test
  void remove_takesEntryOutOfResultsAndLookups() {
    SearchIndex index = new SearchIndex();
    index.upsertAll(Entries.catalog());
    assertThat(index.remove("noaa-alerts")).isTrue();
    assertThat(index.remove("noaa-alerts")).isFalse();
    assertThat(index.get("noaa-alerts")).isNull();
    assertThat(index.size()).isEqualTo(Entries.catalog().size() - 1);
    assertThat(names(index, "alerts")).isEmpty();
    assertThat(names(index, "weather")).containsExactly("weather-api");
    index.upsert(entry("reused").title("Severe storms").build());
    assertThat(names(index, "storms")).containsExactly("reused");
  }

  @Test
  void search_pagesConcatenateToFullRankedList_withoutDuplicates() {
    SearchIndex index = new SearchIndex();
    List<ServerEntry> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      entries.add(
          entry(String.format("srv-%02d", i))
              .title(i % 3 == 0 ? "Weather server" : "Server")
              .description("server ".repeat(1 + i % 5) + (i % 4 == 0 ? "weather" : "tools"))
              .updated(i % 7)
              .build());
    }
    index.upsertAll(entries);
    for (String text : List.of("weather server", "")) {
      SearchResult all = index.search(new SearchQuery(text, List.of(), null, null, false, 0, 1000));
      List<String> paged = new ArrayList<>();
      Integer offset = 0;
      int pages = 0;
      while (offset != null) {
        SearchResult page =
            index.search(new SearchQuery(text, List.of(), null, null, false, offset, 7));
        assertThat(page.total()).isEqualTo(all.total());
        assertThat(page.hits()).hasSizeLessThanOrEqualTo(7);
        page.hits().forEach(h -> paged.add(h.entry().name()));
        offset = page.nextOffset();
        pages++;
      }
      assertThat(all.total()).isEqualTo(40);
      assertThat(pages).isEqualTo(6);
      assertThat(paged).isEqualTo(all.hits().stream().map(h -> h.entry().name()).toList());
      assertThat(new HashSet<>(paged)).hasSize(40);
    }
  }

  @Test
  void bulkLoad_isMergedOnTheFirstSearch_andLaterWritesStillShow() {
    SearchIndex index = new SearchIndex();
    for (int i = 0; i < SearchIndex.BULK_LOAD; i++) {
      index.upsert(
          entry(String.format("bulk-%04d", i))
              .description(i % 2 == 0 ? "weather forecast" : "stock quotes")
              .build());
    }
    assertThat(index.search(SearchQuery.text("weather", 10)).total())
        .isEqualTo(SearchIndex.BULK_LOAD / 2);
    index.upsert(entry("bulk-0001").description("weather radar").build());
    index.remove("bulk-0000");
    SearchResult after = index.search(SearchQuery.text("weather", SearchIndex.BULK_LOAD));
    assertThat(after.total()).isEqualTo(SearchIndex.BULK_LOAD / 2);
    assertThat(after.hits())
        .extracting(h -> h.entry().name())
        .contains("bulk-0001")
        .doesNotContain("bulk-0000");
  }

  @Test
  void search_pastTheLastPage_returnsNoHits() {
    SearchIndex index = new SearchIndex();
    index.upsertAll(Entries.catalog());
    SearchResult result =
        index.search(new SearchQuery("weather", List.of(), null, null, false, 50, 10));
    assertThat(result.hits()).isEmpty();
    assertThat(result.total()).isEqualTo(2);
    assertThat(result.nextOffset()).isNull();
  }

  @Test
  void search_onEmptyIndex_returnsEmptyResult() {
    SearchIndex index = new SearchIndex();
    for (String text : List.of("weather", "", "geo")) {
      SearchResult result = index.search(SearchQuery.text(text, 10));
      assertThat(result.hits()).isEmpty();
      assertThat(result.total()).isZero();
      assertThat(result.nextOffset()).isNull();
    }
    assertThat(index.size()).isZero();
    assertThat(index.get("weather-api")).isNull();
  }

  @Test
  void search_staysConsistent_whileWritersChangeOtherEntries() throws Exception {
    SearchIndex index = new SearchIndex();
    index.upsertAll(Entries.catalog());
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Thread> readers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger searches =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int r = 0; r < 3; r++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (writing.get() || searches.get() < 300) {
                    SearchResult result = index.search(SearchQuery.text("weather forecast", 20));
                    List<String> found = result.hits().stream().map(h -> h.entry().name()).toList();
                    assertThat(found).first().isEqualTo("weather-api");
                    assertThat(Set.copyOf(found)).hasSameSizeAs(found);
                    assertThat(result.total()).isGreaterThanOrEqualTo(found.size());
                    searches.incrementAndGet();
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      t.start();
      readers.add(t);
    }
    for (int i = 0; i < 2000; i++) {
      index.upsert(
          entry("churn-" + (i % 50))
              .title("Churn " + i)
              .description("occasional notes " + i)
              .build());
      if (i % 3 == 0) {
        index.remove("churn-" + ((i + 25) % 50));
      }
    }
    writing.set(false);
    for (Thread t : readers) {
      t.join(60_000);
    }
    assertThat(failures).isEmpty();
    assertThat(searches.get()).isGreaterThanOrEqualTo(300);
    assertThat(names(index, "churn")).allSatisfy(n -> assertThat(n).startsWith("churn-"));
  }
}
