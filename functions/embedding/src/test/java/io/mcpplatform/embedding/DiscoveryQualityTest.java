package io.mcpplatform.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchHit;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.embedded.store.FileRegistryStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discovery quality on a real catalog (the 464 servers of the official MCP registry's seed, plus
 * the project's maps server as {@code ./run-local} registers it) with natural questions: every
 * server is registered through {@link RegistryService#register} (vectors computed and stored as in
 * production), each question goes through {@link RegistryService#search}. Metrics as the data set's
 * {@code eval} script computes them.
 */
class DiscoveryQualityTest {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryQualityTest.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Server(String name, String description) {}

  record Question(String q, List<String> rel) {}

  @Test
  void devQuestions_findTheServerInTheTopFive(@TempDir Path dir) throws IOException {
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      RegistryService service =
          new RegistryService(
              store, Clock.systemUTC(), Duration.ofSeconds(1), MiniLmEmbedder.load());
      List<Server> catalog = read("/discovery/catalog.json", new TypeReference<>() {});
      int k = 0;
      for (Server s : catalog) {
        k++;
        if (s.name() == null || s.name().isBlank()) {
          continue;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("server_id", s.name());
        args.put("name", s.name().substring(s.name().lastIndexOf('/') + 1));
        args.put("url", "http://127.0.0.1:9/s" + k + "/mcp");
        if (s.description() != null && !s.description().isBlank()) {
          args.put("description", s.description());
        }
        service.register(
            RegistrationRequest.fromArguments(args, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP));
      }
      service.register(
          RegistrationRequest.fromArguments(maps(), UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP));

      List<Question> questions = read("/discovery/queries-dev.json", new TypeReference<>() {});
      List<String> misses = new ArrayList<>();
      double[] m = measure(service, questions, misses);
      double hit = m[0];
      double mrr = m[1];
      // the figure for BENCHMARKS.md, also in the surefire report
      System.err.printf(
          "discovery dev set: %d questions, hit@5 %.3f, MRR@10 %.3f%n", questions.size(), hit, mrr);
      LOG.info(
          "discovery dev set: {} questions, hit@5 {}, MRR@10 {}; misses: {}",
          questions.size(),
          String.format("%.3f", hit),
          String.format("%.3f", mrr),
          misses);
      assertThat(hit).as("hit@5, misses: %s", misses).isGreaterThanOrEqualTo(0.85);
      assertThat(mrr).as("MRR@10").isGreaterThanOrEqualTo(0.70);
    }
  }

  private static double[] measure(
      RegistryService service, List<Question> questions, List<String> misses) {
    double hit = 0;
    double mrr = 0;
    for (Question q : questions) {
      List<String> got =
          service.search(new SearchQuery(q.q(), List.of(), null, null, true, 0, 10)).hits().stream()
              .map(SearchHit::entry)
              .map(e -> e.name())
              .toList();
      boolean h = got.stream().limit(5).anyMatch(n -> matches(n, q.rel()));
      hit += h ? 1 : 0;
      for (int i = 0; i < got.size(); i++) {
        if (matches(got.get(i), q.rel())) {
          mrr += 1.0 / (i + 1);
          break;
        }
      }
      if (!h) {
        misses.add(q.q() + " -> " + got.stream().limit(3).toList());
      }
    }
    return new double[] {hit / questions.size(), mrr / questions.size()};
  }

  private static boolean matches(String name, List<String> rel) {
    String n = name.startsWith("io.github.") ? name.substring("io.github.".length()) : name;
    return rel.stream().anyMatch(r -> n.equals(r) || n.endsWith("/" + r));
  }

  /** The maps server's registration as the local system makes it. */
  private static Map<String, Object> maps() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("server_id", "maps");
    args.put("name", "Maps");
    args.put(
        "description",
        "Geocoding: place names and addresses to coordinates, addresses and map links"
            + " (get_location), and coordinates to the nearest address or place (reverse_geocode). Locally from the"
            + " offline GeoNames gazetteer; on AWS from Google Geocoding when a key is set.");
    args.put("url", "http://127.0.0.1:9/maps/mcp");
    args.put(
        "capabilities",
        List.of(
            Map.of(
                "name",
                "get_location",
                "type",
                Capability.TOOL,
                "description",
                "Get detailed location information"
                    + " including coordinates, formatted address, and map URL for any place name or address"),
            Map.of(
                "name",
                "reverse_geocode",
                "type",
                Capability.TOOL,
                "description",
                "Get address information for a specific latitude and longitude")));
    args.put("tags", List.of("maps", "geocoding", "location", "places"));
    return args;
  }

  private static <T> T read(String resource, TypeReference<T> type) throws IOException {
    try (InputStream in = DiscoveryQualityTest.class.getResourceAsStream(resource)) {
      return JSON.readValue(in, type);
    }
  }
}
