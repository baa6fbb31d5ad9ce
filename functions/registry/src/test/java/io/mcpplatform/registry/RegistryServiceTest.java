package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationOutcome;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchHit;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.core.testing.MutableClock;
import io.mcpplatform.embedded.store.FileRegistryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's use cases over a real durable store. */
class RegistryServiceTest {

  @TempDir Path dir;

  private FileRegistryStore store;
  private MutableClock clock;

  @BeforeEach
  void open() {
    store = FileRegistryStore.open(dir);
    clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static RegistrationRequest request(String id, String title, String description) {
    Map<String, Object> args = new HashMap<>();
    args.put("server_id", id);
    args.put("name", title);
    args.put("description", description);
    args.put("url", "https://" + id + ".example.com/mcp");
    return RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY);
  }

  @Test
  void register_createsThenUpdates_withSeedMessages() {
    RegistryService service = new RegistryService(store, clock, Duration.ofSeconds(1));
    RegistrationOutcome first =
        service.register(request("weather-api", "Weather API", "Forecasts"));
    clock.advance(Duration.ofSeconds(3));
    RegistrationOutcome second =
        service.register(request("weather-api", "Weather API v2", "Forecasts"));
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.message())
        .isEqualTo("Server 'Weather API v2' updated successfully with ID: weather-api");
    assertThat(second.entry().revision()).isEqualTo(2);
    assertThat(second.entry().publishedAt()).isEqualTo(first.entry().publishedAt());
    assertThat(second.entry().updatedAt()).isAfter(first.entry().updatedAt());
  }

  @Test
  void search_seesOwnRegistration_immediately() {
    RegistryService service = new RegistryService(store, clock, Duration.ofHours(1));
    service.search(SearchQuery.text("anything", 10));
    service.register(request("weather-api", "Weather API", "Current conditions and forecasts"));
    assertThat(service.search(SearchQuery.text("forecast", 10)).hits())
        .extracting(h -> h.entry().name())
        .containsExactly("weather-api");
  }

  @Test
  void search_seesAnotherInstancesWrites_afterTheRefreshInterval() {
    RegistryService here = new RegistryService(store, clock, Duration.ofSeconds(1));
    RegistryService elsewhere = new RegistryService(store, clock, Duration.ofSeconds(1));
    assertThat(here.search(SearchQuery.text("geocoding", 10)).hits()).isEmpty();
    elsewhere.register(request("maps", "Maps", "Geocoding and reverse geocoding"));
    assertThat(here.search(SearchQuery.text("geocoding", 10)).hits())
        .as("within the refresh interval the index may be stale")
        .isEmpty();
    clock.advance(Duration.ofMillis(1500));
    assertThat(here.search(SearchQuery.text("geocoding", 10)).hits())
        .extracting(h -> h.entry().name())
        .containsExactly("maps");
  }

  @Test
  void search_leavesOutServersMarkedUnhealthyElsewhere_untilAskedToIncludeThem() {
    RegistryService service = new RegistryService(store, clock, Duration.ofSeconds(1));
    service.register(request("maps", "Maps", "Geocoding"));
    service.register(request("geo2", "Geo two", "Geocoding backup"));
    clock.advance(Duration.ofSeconds(2));
    store.saveHealth(
        "maps",
        new Health(HealthStatus.UNHEALTHY, clock.instant(), null, null, 2, "connect refused"),
        null,
        clock.instant());
    clock.advance(Duration.ofSeconds(2));
    assertThat(service.search(SearchQuery.text("geocoding", 10)).hits())
        .extracting(h -> h.entry().name())
        .containsExactly("geo2");
    List<SearchHit> all =
        service.search(new SearchQuery("geocoding", List.of(), null, null, true, 0, 10)).hits();
    assertThat(all).extracting(h -> h.entry().name()).containsExactlyInAnyOrder("maps", "geo2");
  }

  @Test
  void register_neverLosesAConcurrentUpdate() throws Exception {
    RegistryService a = new RegistryService(store, Clock.systemUTC(), Duration.ofSeconds(1));
    RegistryService b = new RegistryService(store, Clock.systemUTC(), Duration.ofSeconds(1));
    a.register(request("shared", "Shared", "v0"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RegistrationOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        RegistryService service = i % 2 == 0 ? a : b;
        String description = "writer " + i;
        futures.add(pool.submit(() -> service.register(request("shared", "Shared", description))));
      }
      List<Long> revisions = new ArrayList<>();
      for (Future<RegistrationOutcome> f : futures) {
        revisions.add(f.get().entry().revision());
      }
      assertThat(revisions).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
    } finally {
      pool.shutdownNow();
    }
    ServerEntry last = store.get("shared").orElseThrow();
    assertThat(last.revision()).isEqualTo(5);
  }

  @Test
  void register_keepsHealthWrittenBetweenReadAndSave() {
    RegistryService service = new RegistryService(store, clock, Duration.ofSeconds(1));
    service.register(request("maps", "Maps", "Geocoding"));
    Health healthy = new Health(HealthStatus.HEALTHY, clock.instant(), 12L, "2025-06-18", 0, null);
    store.saveHealth("maps", healthy, null, clock.instant());
    ServerEntry updated =
        service.register(request("maps", "Maps", "Geocoding, now faster")).entry();
    assertThat(updated.health()).isEqualTo(healthy);
    assertThat(updated.description()).isEqualTo("Geocoding, now faster");
  }
}
