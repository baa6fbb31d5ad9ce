package io.mcpplatform.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.RemoteHeader;
import io.mcpplatform.core.catalog.Repository;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RegistryStore} adapter must show. An adapter's test extends this class
 * and supplies a fresh, empty store; stores that are {@link AutoCloseable} are closed after each
 * test.
 */
public abstract class RegistryStoreContract {

  /** A fixed start time; tests move forward from it in whole seconds. */
  protected static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  protected RegistryStore store;

  /**
   * @return a new store holding no entry, used by one test only
   * @throws Exception when the store cannot be set up
   */
  protected abstract RegistryStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * @return a minimal valid entry with the given name
   */
  protected static ServerEntry sample(String name) {
    return ServerEntry.builder(name, "Title of " + name, "1.0.0")
        .description("Offers " + name)
        .remotes(
            List.of(
                new Remote(Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
        .tags(List.of("demo"))
        .capabilities(List.of(new Capability("ping", Capability.TOOL, "answers pong")))
        .build();
  }

  /**
   * @return an entry using every field, unicode text included
   */
  protected static ServerEntry everyField(String name) {
    return ServerEntry.builder(name, "Wetter für 東京 ☀️", "2.3.4-beta.1")
        .description("Prévisions, 天気, emoji 🌦️ and \"quotes\"\nnew line")
        .remotes(
            List.of(
                new Remote(
                    Remote.STREAMABLE_HTTP,
                    "https://weather.example.com/mcp",
                    List.of(
                        new RemoteHeader("X-Api-Key", "Your key 🔑", true, true),
                        new RemoteHeader("X-Trace", null, false, null))),
                new Remote(Remote.SSE, "https://weather.example.com/sse", null)))
        .repository(
            new Repository(
                "https://github.com/example/weather", "github", "123456", "servers/weather"))
        .websiteUrl("https://weather.example.com")
        .tags(List.of("weather", "météo", "天気"))
        .capabilities(
            List.of(
                new Capability("forecast", Capability.TOOL, "Forecast für eine Stadt"),
                new Capability("stations", Capability.RESOURCE, null)))
        .status(LifecycleStatus.DEPRECATED)
        .build();
  }

  private static Health healthy(Instant at) {
    return new Health(HealthStatus.HEALTHY, at, 42L, "2025-06-18", 0, "ok ✓");
  }

  private static ServerEntry retitled(ServerEntry e, String title) {
    return e.toBuilder().title(title).build();
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void get_returnsEmpty_whenEntryMissing() {
    assertThat(store.get("nope")).isEmpty();
  }

  @Test
  void saveRegistration_createsRevisionOne_whenExpectedRevisionIsZero() {
    ServerEntry saved = store.saveRegistration(sample("alpha"), 0, at(1));

    assertThat(saved.revision()).isEqualTo(1);
    assertThat(saved.publishedAt()).isEqualTo(at(1));
    assertThat(saved.updatedAt()).isEqualTo(at(1));
    assertThat(saved.health()).isEqualTo(Health.UNKNOWN);
    assertThat(store.get("alpha")).contains(saved);
  }

  @Test
  void saveRegistration_ignoresCallerBookkeeping() {
    ServerEntry claimed =
        sample("alpha")
            .withBookkeeping(at(-100), at(-50), 77)
            .withHealth(healthy(at(-10)))
            .withDiscoveredCapabilities(List.of(new Capability("x", "tool", null)));

    ServerEntry saved = store.saveRegistration(claimed, 0, at(1));

    assertThat(saved.revision()).isEqualTo(1);
    assertThat(saved.publishedAt()).isEqualTo(at(1));
    assertThat(saved.health()).isEqualTo(Health.UNKNOWN);
    assertThat(saved.discoveredCapabilities()).isEmpty();
  }

  @Test
  void saveRegistration_throwsConflict_whenCreatingAnExistingEntry() {
    store.saveRegistration(sample("alpha"), 0, at(1));

    assertThatThrownBy(() -> store.saveRegistration(retitled(sample("alpha"), "other"), 0, at(2)))
        .isInstanceOf(ConflictException.class);
    assertThat(store.get("alpha").orElseThrow().title()).isEqualTo("Title of alpha");
  }

  @Test
  void saveRegistration_incrementsRevisionAndKeepsPublishedAt_whenRevisionMatches() {
    ServerEntry first = store.saveRegistration(sample("alpha"), 0, at(1));

    ServerEntry second =
        store.saveRegistration(retitled(first, "New title"), first.revision(), at(5));

    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.publishedAt()).isEqualTo(at(1));
    assertThat(second.updatedAt()).isEqualTo(at(5));
    assertThat(second.title()).isEqualTo("New title");
    assertThat(store.get("alpha")).contains(second);
  }

  @Test
  void saveRegistration_throwsConflict_whenRevisionIsStale() {
    ServerEntry first = store.saveRegistration(sample("alpha"), 0, at(1));
    store.saveRegistration(retitled(first, "Second"), 1, at(2));

    assertThatThrownBy(() -> store.saveRegistration(retitled(first, "Lost update"), 1, at(3)))
        .isInstanceOf(ConflictException.class);
    assertThat(store.get("alpha").orElseThrow().title()).isEqualTo("Second");
    assertThat(store.get("alpha").orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  void saveRegistration_throwsConflict_whenEntryMissingAndRevisionNotZero() {
    assertThatThrownBy(() -> store.saveRegistration(sample("ghost"), 3, at(1)))
        .isInstanceOf(ConflictException.class);
    assertThat(store.get("ghost")).isEmpty();
  }

  @Test
  void saveRegistration_keepsStoredHealthAndDiscoveredCapabilities() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    List<Capability> found = List.of(new Capability("ping", Capability.TOOL, "found by probe"));
    store.saveHealth("alpha", healthy(at(2)), found, at(2));

    ServerEntry updated =
        store.saveRegistration(
            retitled(sample("alpha"), "Renamed")
                .withHealth(Health.UNKNOWN)
                .withDiscoveredCapabilities(List.of()),
            1,
            at(3));

    assertThat(updated.health()).isEqualTo(healthy(at(2)));
    assertThat(updated.discoveredCapabilities()).isEqualTo(found);
    assertThat(store.get("alpha")).contains(updated);
  }

  @Test
  void saveHealth_changesOnlyHealthAndDiscovered() {
    ServerEntry registered = store.saveRegistration(everyField("alpha"), 0, at(1));
    List<Capability> found = List.of(new Capability("forecast", Capability.TOOL, "probe says so"));

    ServerEntry afterHealth = store.saveHealth("alpha", healthy(at(7)), found, at(7));

    assertThat(afterHealth.health()).isEqualTo(healthy(at(7)));
    assertThat(afterHealth.discoveredCapabilities()).isEqualTo(found);
    assertThat(afterHealth.withHealth(registered.health()).withDiscoveredCapabilities(List.of()))
        .isEqualTo(registered);
    assertThat(afterHealth.revision()).isEqualTo(1);
    assertThat(afterHealth.updatedAt()).isEqualTo(at(1));
    assertThat(store.get("alpha")).contains(afterHealth);
  }

  @Test
  void saveHealth_keepsDiscovered_whenNoneGiven() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    List<Capability> found = List.of(new Capability("ping", Capability.TOOL, null));
    store.saveHealth("alpha", healthy(at(2)), found, at(2));

    Health down = new Health(HealthStatus.UNHEALTHY, at(3), null, null, 1, "timeout");
    ServerEntry saved = store.saveHealth("alpha", down, null, at(3));

    assertThat(saved.health()).isEqualTo(down);
    assertThat(saved.discoveredCapabilities()).isEqualTo(found);
  }

  @Test
  void saveHealth_throwsNotFound_whenEntryMissing() {
    assertThatThrownBy(() -> store.saveHealth("ghost", healthy(at(1)), null, at(1)))
        .isInstanceOf(EntryNotFoundException.class)
        .hasMessageContaining("ghost");
    assertThat(store.get("ghost")).isEmpty();
  }

  @Test
  void interleavedRegistrationAndHealthWrites_neverLoseEither() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    ServerEntry read = store.get("alpha").orElseThrow();

    store.saveHealth("alpha", healthy(at(2)), null, at(2));
    ServerEntry saved =
        store.saveRegistration(retitled(read, "Edited after read"), read.revision(), at(3));

    ServerEntry stored = store.get("alpha").orElseThrow();
    assertThat(stored).isEqualTo(saved);
    assertThat(stored.title()).isEqualTo("Edited after read");
    assertThat(stored.health()).isEqualTo(healthy(at(2)));
    assertThat(stored.revision()).isEqualTo(2);
  }

  @Test
  void roundTrip_keepsEveryField() {
    ServerEntry original = everyField("com.example/weather-ü");
    store.saveRegistration(original, 0, at(1));
    List<Capability> found =
        List.of(
            new Capability("forecast", Capability.TOOL, "vorhersage ✓"),
            new Capability("stations", Capability.RESOURCE, "liste"));
    Health health =
        new Health(
            HealthStatus.UNHEALTHY,
            Instant.parse("2026-11-26T10:00:02.123456789Z"),
            1234L,
            "2025-11-25",
            3,
            "connection refused — 接続拒否");
    store.saveHealth(original.name(), health, found, at(2));

    ServerEntry stored = store.get(original.name()).orElseThrow();

    assertThat(stored)
        .isEqualTo(
            original
                .withHealth(health)
                .withDiscoveredCapabilities(found)
                .withBookkeeping(at(1), at(1), 1));
  }

  @Test
  void roundTrip_keepsSubSecondTimes() {
    Instant precise = Instant.parse("2026-11-26T10:00:00.000000001Z");
    ServerEntry saved = store.saveRegistration(sample("alpha"), 0, precise);

    assertThat(store.get("alpha").orElseThrow().updatedAt()).isEqualTo(precise);
    assertThat(saved.publishedAt()).isEqualTo(precise);
  }

  @Test
  void listByUpdated_returnsNewestFirst() {
    store.saveRegistration(sample("a"), 0, at(1));
    store.saveRegistration(sample("b"), 0, at(3));
    store.saveRegistration(sample("c"), 0, at(2));
    store.saveHealth("a", healthy(at(10)), null, at(10));

    Page<ServerEntry> page = store.listByUpdated(null, 10);

    assertThat(page.items()).extracting(ServerEntry::name).containsExactly("b", "c", "a");
    assertThat(page.nextCursor()).isNull();
    assertThat(page.items().get(2).health()).isEqualTo(healthy(at(10)));
  }

  @Test
  void listByUpdated_returnsEmptyPage_whenStoreEmpty() {
    Page<ServerEntry> page = store.listByUpdated(null, 5);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void listByUpdated_pagesConcatenateToAllEntriesWithoutDuplicates() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String name = "server-" + i;
      store.saveRegistration(sample(name), 0, at(i));
      expected.add(0, name);
    }

    List<String> seen = new ArrayList<>();
    int pages = 0;
    String cursor = null;
    do {
      Page<ServerEntry> page = store.listByUpdated(cursor, 4);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(4);
      page.items().forEach(e -> seen.add(e.name()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 20);

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void listByUpdated_endsWithoutCursor_whenLastPageIsFull() {
    for (int i = 0; i < 4; i++) {
      store.saveRegistration(sample("s" + i), 0, at(i));
    }

    Page<ServerEntry> first = store.listByUpdated(null, 2);
    Page<ServerEntry> second = store.listByUpdated(first.nextCursor(), 2);

    assertThat(first.nextCursor()).isNotNull();
    assertThat(second.items()).hasSize(2);
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void listByUpdated_staysConsistent_whenAnEntryOnAnEarlierPageIsUpdatedBetweenPages() {
    for (int i = 0; i < 6; i++) {
      store.saveRegistration(sample("s" + i), 0, at(i));
    }
    Page<ServerEntry> first = store.listByUpdated(null, 3);
    assertThat(first.items()).extracting(ServerEntry::name).containsExactly("s5", "s4", "s3");

    ServerEntry s4 = store.get("s4").orElseThrow();
    store.saveRegistration(retitled(s4, "moved up"), s4.revision(), at(100));
    store.saveHealth("s1", healthy(at(101)), null, at(101));
    Page<ServerEntry> second = store.listByUpdated(first.nextCursor(), 3);

    assertThat(second.items()).extracting(ServerEntry::name).containsExactly("s2", "s1", "s0");
    assertThat(second.nextCursor()).isNull();
    assertThat(store.listByUpdated(null, 1).items().get(0).title()).isEqualTo("moved up");
  }

  @Test
  void listByUpdated_rejectsCursorItDidNotIssue() {
    store.saveRegistration(sample("a"), 0, at(1));

    for (String bad : List.of("not a cursor!", "bm90LWEtY3Vyc29y", "", "%%%")) {
      assertThatThrownBy(() -> store.listByUpdated(bad, 10))
          .as("cursor %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void listByUpdated_rejectsLimitOutOfRange() {
    assertThatThrownBy(() -> store.listByUpdated(null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.listByUpdated(null, 1001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changesSince_returnsChangesAtOrAfterTimeInChangeOrder() {
    store.saveRegistration(sample("a"), 0, at(1));
    store.saveRegistration(sample("b"), 0, at(2));
    store.saveRegistration(sample("c"), 0, at(3));
    store.saveHealth("a", healthy(at(4)), null, at(4));

    Page<Change> page = store.changesSince(at(2), null, 10);

    assertThat(page.items()).extracting(c -> c.entry().name()).containsExactly("b", "c", "a");
    assertThat(page.items()).extracting(Change::changedAt).containsExactly(at(2), at(3), at(4));
    assertThat(page.items().get(2).entry().health()).isEqualTo(healthy(at(4)));
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void changesSince_includesHealthOnlyChanges() {
    store.saveRegistration(sample("a"), 0, at(1));
    store.saveRegistration(sample("b"), 0, at(2));
    store.saveHealth("a", healthy(at(5)), null, at(5));

    Page<Change> page = store.changesSince(at(5), null, 10);

    assertThat(page.items()).hasSize(1);
    assertThat(page.items().get(0).entry().name()).isEqualTo("a");
    assertThat(page.items().get(0).entry().updatedAt()).isEqualTo(at(1));
    assertThat(page.items().get(0).changedAt()).isEqualTo(at(5));
  }

  @Test
  void changesSince_pagesByCursor() {
    for (int i = 0; i < 7; i++) {
      store.saveRegistration(sample("s" + i), 0, at(i));
    }

    List<String> seen = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<Change> page = store.changesSince(at(1), cursor, 2);
      page.items().forEach(c -> seen.add(c.entry().name()));
      cursor = page.nextCursor();
      if (cursor != null) {
        assertThat(cursors.add(cursor)).isTrue();
      }
      pages++;
    } while (cursor != null && pages < 20);

    assertThat(seen).containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void changesSince_returnsNothing_whenNoChangeAfterTime() {
    store.saveRegistration(sample("a"), 0, at(1));

    Page<Change> page = store.changesSince(at(2), null, 10);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void changesSince_rejectsCursorItDidNotIssue() {
    store.saveRegistration(sample("a"), 0, at(1));

    assertThatThrownBy(() -> store.changesSince(at(0), "garbage-cursor", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saveHealth_keepsServerIdentityAndUptime() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    Health full =
        new Health(
            HealthStatus.HEALTHY,
            Instant.parse("2026-11-26T10:00:02.5Z"),
            17L,
            "2025-11-25",
            0,
            null,
            "weather-server",
            "1.4.2",
            0.9583);

    store.saveHealth("alpha", full, null, at(2));

    assertThat(store.get("alpha").orElseThrow().health()).isEqualTo(full);
  }

  @Test
  void saveHealth_storesRefusedStatus() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    Health refused =
        new Health(HealthStatus.REFUSED, at(2), null, null, 0, "private address 10.0.0.5");

    store.saveHealth("alpha", refused, null, at(2));

    assertThat(store.get("alpha").orElseThrow().health().status()).isEqualTo(HealthStatus.REFUSED);
  }

  @Test
  void healthHistory_returnsSamplesSinceTimeOldestFirst() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    HealthSample first = new HealthSample(at(10), true, 12L);
    HealthSample second = new HealthSample(at(20), false, null);
    HealthSample third = new HealthSample(Instant.parse("2026-11-26T10:00:30.123Z"), true, 9L);
    store.appendHealthHistory("alpha", third, at(86_430));
    store.appendHealthHistory("alpha", first, at(86_410));
    store.appendHealthHistory("alpha", second, at(86_420));

    assertThat(store.healthHistory("alpha", at(0))).containsExactly(first, second, third);
    assertThat(store.healthHistory("alpha", at(20))).containsExactly(second, third);
    assertThat(store.healthHistory("alpha", at(31))).isEmpty();
  }

  @Test
  void healthHistory_isKeptPerServer() {
    store.saveRegistration(sample("alpha"), 0, at(1));
    store.saveRegistration(sample("alphabet"), 0, at(1));
    store.appendHealthHistory("alpha", new HealthSample(at(10), true, 5L), at(86_410));
    store.appendHealthHistory("alphabet", new HealthSample(at(11), false, null), at(86_411));

    assertThat(store.healthHistory("alpha", at(0)))
        .extracting(HealthSample::up)
        .containsExactly(true);
    assertThat(store.healthHistory("alphabet", at(0)))
        .extracting(HealthSample::up)
        .containsExactly(false);
    assertThat(store.healthHistory("nobody", at(0))).isEmpty();
  }

  private static ServerVersion version(String name, String version, long second) {
    ServerEntry e = everyField(name);
    ServerEntry v =
        e.toBuilder()
            .name(name)
            .version(version)
            .discoveredCapabilities(List.of())
            .health(null)
            .status(LifecycleStatus.ACTIVE)
            .publishedAt(at(second))
            .updatedAt(at(second))
            .revision(1)
            .build();
    return new ServerVersion(v, null, null);
  }

  @Test
  void saveVersion_keepsEveryField_andReadsBackByNameAndVersion() {
    ServerVersion v = version("com.example/weather", "2.3.4-beta.1", 5);

    store.saveVersion(v, true);

    assertThat(store.getVersion("com.example/weather", "2.3.4-beta.1")).contains(v);
    assertThat(store.getVersion("com.example/weather", "2.3.4")).isEmpty();
    assertThat(store.getVersion("com.example/other", "2.3.4-beta.1")).isEmpty();
  }

  @Test
  void saveVersion_throwsConflict_whenVersionMustBeNewButExists_evenWhenDeleted() {
    ServerVersion v = version("com.example/weather", "1.0.0", 5);
    store.saveVersion(v, true);
    store.saveVersion(v.withStatus(LifecycleStatus.DELETED, "gone", at(9)), false);

    assertThatThrownBy(() -> store.saveVersion(version("com.example/weather", "1.0.0", 10), true))
        .isInstanceOf(ConflictException.class);
    assertThat(store.getVersion("com.example/weather", "1.0.0"))
        .get()
        .satisfies(
            stored -> {
              assertThat(stored.status()).isEqualTo(LifecycleStatus.DELETED);
              assertThat(stored.statusMessage()).isEqualTo("gone");
              assertThat(stored.statusChangedAt()).isEqualTo(at(9));
              assertThat(stored.entry().publishedAt()).isEqualTo(at(5));
            });
  }

  @Test
  void versions_returnsEveryVersionOfThatServerOnly() {
    store.saveVersion(version("com.example/a", "1.0.0", 1), true);
    store.saveVersion(version("com.example/a", "1.1.0", 2), true);
    store.saveVersion(version("com.example/a", "1.1.0", 3), false);
    store.saveVersion(version("com.example/ab", "9.0.0", 4), true);

    assertThat(store.versions("com.example/a"))
        .extracting(ServerVersion::version)
        .containsExactlyInAnyOrder("1.0.0", "1.1.0");
    assertThat(store.versions("com.example/ab"))
        .extracting(ServerVersion::version)
        .containsExactly("9.0.0");
    assertThat(store.versions("com.example/none")).isEmpty();
  }

  @Test
  void saveVersion_leavesEntryAndListingsUntouched() {
    ServerEntry saved = store.saveRegistration(sample("alpha"), 0, at(1));

    store.saveVersion(version("alpha", "7.0.0", 50), true);

    assertThat(store.get("alpha")).contains(saved);
    assertThat(store.listByUpdated(null, 10).items()).containsExactly(saved);
    assertThat(store.changesSince(at(0), null, 10).items())
        .extracting(Change::changedAt)
        .containsExactly(at(1));
    assertThat(store.healthHistory("alpha", at(0))).isEmpty();
  }

  @Test
  void audit_returnsRecordsSinceTimeNewestFirst_upToLimit() {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    for (int i = 0; i < 5; i++) {
      store.appendAudit(
          new AuditRecord(
              "id-" + i,
              now.minusSeconds(50 - i * 10),
              "alice",
              "publish",
              "com.example/a",
              "1.0." + i,
              "127.0.0.1",
              "ok",
              null),
          now.plusSeconds(3600));
    }

    assertThat(store.audit(now.minusSeconds(30), 10))
        .extracting(AuditRecord::id)
        .containsExactly("id-4", "id-3", "id-2");
    assertThat(store.audit(now.minusSeconds(3600), 2))
        .extracting(AuditRecord::id)
        .containsExactly("id-4", "id-3");
    assertThat(store.audit(now.minusSeconds(3600), 10).get(0))
        .isEqualTo(
            new AuditRecord(
                "id-4",
                now.minusSeconds(10),
                "alice",
                "publish",
                "com.example/a",
                "1.0.4",
                "127.0.0.1",
                "ok",
                null));
    assertThat(store.listByUpdated(null, 10).items()).isEmpty();
  }

  @Test
  void appendHealthHistory_leavesEntryAndListingsUntouched() {
    ServerEntry saved = store.saveRegistration(sample("alpha"), 0, at(1));

    store.appendHealthHistory("alpha", new HealthSample(at(50), true, 5L), at(86_450));

    assertThat(store.get("alpha")).contains(saved);
    assertThat(store.listByUpdated(null, 10).items()).containsExactly(saved);
    assertThat(store.changesSince(at(0), null, 10).items())
        .extracting(Change::changedAt)
        .containsExactly(at(1));
  }

  @Test
  void saveRegistration_letsExactlyOneWin_whenThreadsRaceOnTheSameRevision() throws Exception {
    store.saveRegistration(sample("contended"), 0, at(1));
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String title = "writer " + i;
        Callable<Boolean> write =
            () -> {
              start.await();
              try {
                store.saveRegistration(retitled(sample("contended"), title), 1, at(2));
                return true;
              } catch (ConflictException e) {
                return false;
              }
            };
        results.add(pool.submit(write));
      }
      start.countDown();

      int wins = 0;
      for (Future<Boolean> result : results) {
        if (getQuietly(result)) {
          wins++;
        }
      }
      assertThat(wins).isEqualTo(1);
      ServerEntry stored = store.get("contended").orElseThrow();
      assertThat(stored.revision()).isEqualTo(2);
      assertThat(stored.title()).startsWith("writer ");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void saveRegistration_createsOnce_whenThreadsRaceToCreate() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    store.saveRegistration(sample("fresh"), 0, at(1));
                    return true;
                  } catch (ConflictException e) {
                    return false;
                  }
                }));
      }
      start.countDown();

      int wins = 0;
      for (Future<Boolean> result : results) {
        if (getQuietly(result)) {
          wins++;
        }
      }
      assertThat(wins).isEqualTo(1);
      assertThat(store.get("fresh").orElseThrow().revision()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean getQuietly(Future<Boolean> result) throws InterruptedException {
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("writer failed with something other than a conflict", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("writer did not finish", e);
    }
  }
}
