package io.mcpplatform.core.search;

import static io.mcpplatform.core.search.Entries.entry;
import static io.mcpplatform.core.search.Entries.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random upserts and removals must leave the index equal to one built fresh from what remains. */
class SearchIndexChurnTest {

  private static final String[] WORDS =
      ("weather forecast maps geocode github issues database sql query "
              + "table tide alerts storm route transit bus train cafe zurich report chart metrics logs trace "
              + "token secret email calendar")
          .split(" ");

  private static String words(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static ServerEntry randomEntry(Random random, String name) {
    HealthStatus[] health = HealthStatus.values();
    return entry(name)
        .title(words(random, 2))
        .description(words(random, 3 + random.nextInt(8)))
        .tags(WORDS[random.nextInt(WORDS.length)])
        .tools(
            tool(
                WORDS[random.nextInt(WORDS.length)] + "_" + WORDS[random.nextInt(WORDS.length)],
                words(random, 4)))
        .health(health[random.nextInt(health.length)])
        .status(random.nextInt(10) == 0 ? LifecycleStatus.DELETED : LifecycleStatus.ACTIVE)
        .updated(random.nextInt(20))
        .build();
  }

  /**
   * BM25 statistics count replaced documents until Lucene merges them away, so scores (and the
   * order of near ties) of a churned index may differ slightly from a fresh one; what must match is
   * which entries match, and the listing order.
   */
  private static void assertSameMatches(SearchResult churned, SearchResult fresh, String what) {
    if (fresh.total() < 1000) {
      // past 1,000 BM25 matches the total is a lower bound, whose value depends on the segments
      assertThat(churned.total()).as(what).isEqualTo(fresh.total());
      assertThat(churned.nextOffset()).as(what).isEqualTo(fresh.nextOffset());
    }
    if (churned.total() <= churned.hits().size() + 2) {
      assertThat(churned.hits())
          .as(what)
          .extracting(h -> h.entry().name())
          .containsExactlyInAnyOrderElementsOf(
              fresh.hits().stream().map(h -> h.entry().name()).toList());
    }
    if (churned.hits().stream().allMatch(h -> h.score() == 0)) {
      assertThat(churned).as(what).isEqualTo(fresh);
    }
  }

  @Test
  void churnedIndex_answersLikeAFreshIndex() {
    Random random = new Random(7);
    SearchIndex churned = new SearchIndex();
    Map<String, ServerEntry> model = new LinkedHashMap<>();
    List<SearchQuery> queries = new ArrayList<>();
    for (String w :
        List.of(
            "weather", "table", "geo forecast", "get_forecast", "", "transit", "sql query table")) {
      queries.add(new SearchQuery(w, List.of(), null, null, false, 0, 100));
      queries.add(new SearchQuery(w, List.of("Weather", "maps"), "tool", null, true, 0, 100));
      queries.add(new SearchQuery(w, List.of(), null, "unknown", false, 2, 5));
    }
    for (int step = 1; step <= 1500; step++) {
      String name = "srv-" + random.nextInt(120);
      int op = random.nextInt(10);
      if (op < 6) {
        ServerEntry e = randomEntry(random, name);
        churned.upsert(e);
        model.put(name, e);
      } else if (op < 8) {
        assertThat(churned.remove(name)).isEqualTo(model.remove(name) != null);
      } else {
        List<ServerEntry> batch =
            List.of(
                randomEntry(random, name),
                randomEntry(random, name + "-b"),
                randomEntry(random, name));
        churned.upsertAll(batch);
        batch.forEach(e -> model.put(e.name(), e));
      }
      if (step % 100 == 0) {
        SearchIndex fresh = new SearchIndex();
        fresh.upsertAll(model.values());
        assertThat(churned.size()).isEqualTo(model.size());
        for (int i = 0; i < 120; i++) {
          assertThat(churned.get("srv-" + i)).isEqualTo(model.get("srv-" + i));
          assertThat(churned.get("srv-" + i + "-b")).isEqualTo(model.get("srv-" + i + "-b"));
        }
        for (SearchQuery q : queries) {
          assertSameMatches(churned.search(q), fresh.search(q), "step " + step + " query " + q);
        }
      }
    }
    assertThat(model).isNotEmpty();
  }

  @Test
  void bulkLoadedIndex_keepsWorkingAfterTrim() {
    Random random = new Random(11);
    Map<String, ServerEntry> model = new LinkedHashMap<>();
    for (int i = 0; i < 2500; i++) {
      ServerEntry e = randomEntry(random, "bulk-" + i);
      model.put(e.name(), e);
    }
    SearchIndex index = new SearchIndex();
    index.upsertAll(model.values());
    for (int i = 0; i < 300; i++) {
      String name = "bulk-" + random.nextInt(2600);
      if (random.nextBoolean()) {
        ServerEntry e = randomEntry(random, name);
        index.upsert(e);
        model.put(name, e);
      } else {
        index.remove(name);
        model.remove(name);
      }
    }
    SearchIndex fresh = new SearchIndex();
    fresh.upsertAll(model.values());
    for (String text : List.of("weather", "table", "geo forecast", "", "sql query table")) {
      SearchQuery q = new SearchQuery(text, List.of(), null, null, true, 0, 50);
      SearchResult result = index.search(q);
      assertSameMatches(result, fresh.search(q), text);
      assertThat(result.total()).isPositive();
    }
    assertThat(index.size()).isEqualTo(model.size());
  }
}
