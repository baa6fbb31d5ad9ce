package io.mcpplatform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthProbe;
import io.mcpplatform.core.health.HealthReport;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.core.health.RunSummary;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.embedded.store.FileStoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check use cases over the durable file store, with a scripted probe. */
class HealthCheckServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;
  private FileRegistryStore store;
  private final List<String> probed = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ProbeResult> answers = new ConcurrentHashMap<>();

  private final HealthProbe probe =
      remote -> {
        probed.add(remote.url());
        return answers.getOrDefault(remote.url(), up());
      };

  @BeforeEach
  void open() {
    store = FileRegistryStore.open(dir, new FileStoreOptions(false, 1000));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static ProbeResult up() {
    return new ProbeResult(
        ProbeOutcome.UP,
        7L,
        "2025-06-18",
        "srv",
        "1.0",
        List.of(new Capability("ping", Capability.TOOL, "answers pong")),
        null);
  }

  private static String url(String name) {
    return "https://" + name + ".example.com/mcp";
  }

  private ServerEntry register(String name, String title, LifecycleStatus status) {
    ServerEntry existing = store.get(name).orElse(null);
    ServerEntry entry =
        ServerEntry.builder(name, title, "1.0.0")
            .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, url(name), null)))
            .status(status)
            .build();
    return store.saveRegistration(entry, existing == null ? 0 : existing.revision(), T0);
  }

  private HealthCheckService service(Clock clock) {
    return new HealthCheckService(store, probe, clock, null);
  }

  private HealthCheckService service() {
    return service(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
  }

  @Test
  void checkAll_probesLeastRecentlyCheckedFirst_andSkipsInactiveServers() {
    register("recent", "Recent", LifecycleStatus.ACTIVE);
    register("older", "Older", LifecycleStatus.ACTIVE);
    register("never", "Never", LifecycleStatus.ACTIVE);
    register("retired", "Retired", LifecycleStatus.DEPRECATED);
    store.saveHealth(
        "recent", new Health(HealthStatus.HEALTHY, T0.plusSeconds(20), 1L, "x", 0, null), null, T0);
    store.saveHealth(
        "older", new Health(HealthStatus.HEALTHY, T0.plusSeconds(10), 1L, "x", 0, null), null, T0);

    RunSummary summary = service().checkAll(1, () -> Long.MAX_VALUE, 0);

    assertThat(probed).containsExactly(url("never"), url("older"), url("recent"));
    assertThat(summary.servers()).isEqualTo(3);
    assertThat(summary.checked()).isEqualTo(3);
    assertThat(summary.up()).isEqualTo(3);
    assertThat(summary.complete()).isTrue();
  }

  @Test
  void checkAll_stopsBeforeDeadline_andNextRunCarriesOnWithTheRest() {
    for (String name : List.of("a", "b", "c", "d")) {
      register(name, name, LifecycleStatus.ACTIVE);
    }
    AtomicInteger asked = new AtomicInteger();

    RunSummary first =
        service().checkAll(1, () -> asked.incrementAndGet() <= 2 ? 60_000 : 5_000, 13_000);

    assertThat(first.checked()).isEqualTo(2);
    assertThat(first.deferred()).isEqualTo(2);
    assertThat(first.complete()).isFalse();
    List<String> firstRun = List.copyOf(probed);
    probed.clear();

    RunSummary second =
        service(Clock.fixed(T0.plusSeconds(360), ZoneOffset.UTC)).checkAll(1, () -> 60_000, 13_000);

    assertThat(second.checked()).isEqualTo(4);
    assertThat(probed.subList(0, 2)).doesNotContainAnyElementsOf(firstRun);
    assertThat(probed.subList(2, 4)).containsExactlyInAnyOrderElementsOf(firstRun);
  }

  @Test
  void check_marksUnhealthyAfterTwoFailures_andHealthyAfterOneSuccess() {
    register("flaky", "Flaky", LifecycleStatus.ACTIVE);
    answers.put(url("flaky"), ProbeResult.down("connection refused", 2L));
    HealthCheckService checks = service();

    assertThat(checks.check("flaky").health().status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(checks.check("flaky").health().status()).isEqualTo(HealthStatus.UNHEALTHY);
    answers.remove(url("flaky"));
    HealthReport recovered = checks.check("flaky");

    assertThat(recovered.health().status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(recovered.health().consecutiveFailures()).isZero();
    assertThat(recovered.health().uptime()).isEqualTo(0.3333);
    assertThat(store.healthHistory("flaky", T0)).hasSize(3);
    assertThat(store.get("flaky").orElseThrow().discoveredCapabilities())
        .extracting(Capability::name)
        .containsExactly("ping");
  }

  @Test
  void check_reportsRefused_withoutHistoryOrFailureCount() {
    register("inside", "Inside", LifecycleStatus.ACTIVE);
    answers.put(
        url("inside"), ProbeResult.refused("the host resolves to a private address (10.0.0.7)"));

    HealthReport report = service().check("inside");

    assertThat(report.outcome()).isEqualTo(ProbeOutcome.REFUSED);
    assertThat(report.health().status()).isEqualTo(HealthStatus.REFUSED);
    assertThat(report.message()).contains("Status: refused").contains("private address");
    assertThat(store.healthHistory("inside", T0)).isEmpty();
  }

  @Test
  void registrationDuringACheck_isNeverOverwrittenByTheHealthWrite() throws Exception {
    register("racer", "Before", LifecycleStatus.ACTIVE);
    CountDownLatch probing = new CountDownLatch(1);
    CountDownLatch registered = new CountDownLatch(1);
    HealthProbe slow =
        remote -> {
          probing.countDown();
          try {
            registered.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return up();
        };
    HealthCheckService checks = new HealthCheckService(store, slow, Clock.systemUTC(), null);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<HealthReport> check = pool.submit(() -> checks.check("racer"));
      assertThat(probing.await(30, TimeUnit.SECONDS)).isTrue();
      ServerEntry updated = register("racer", "After", LifecycleStatus.ACTIVE);
      registered.countDown();
      check.get(30, TimeUnit.SECONDS);

      ServerEntry stored = store.get("racer").orElseThrow();
      assertThat(updated.revision()).isEqualTo(2);
      assertThat(stored.title()).isEqualTo("After");
      assertThat(stored.revision()).isEqualTo(2);
      assertThat(stored.health().status()).isEqualTo(HealthStatus.HEALTHY);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentRegistrationsAndChecks_loseNothing() throws Exception {
    register("busy", "title 0", LifecycleStatus.ACTIVE);
    HealthCheckService checks = service(Clock.systemUTC());
    int rounds = 200;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> registrations =
          pool.submit(
              () -> {
                start.await();
                for (int i = 1; i <= rounds; i++) {
                  register("busy", "title " + i, LifecycleStatus.ACTIVE);
                }
                return null;
              });
      Future<?> healthWrites =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                  checks.check("busy");
                }
                return null;
              });
      start.countDown();
      registrations.get(60, TimeUnit.SECONDS);
      healthWrites.get(60, TimeUnit.SECONDS);

      ServerEntry stored = store.get("busy").orElseThrow();
      assertThat(stored.title()).isEqualTo("title " + rounds);
      assertThat(stored.revision()).isEqualTo(rounds + 1L);
      assertThat(stored.health().status()).isEqualTo(HealthStatus.HEALTHY);
      assertThat(store.healthHistory("busy", Instant.EPOCH)).hasSize(rounds);
    } finally {
      pool.shutdownNow();
    }
  }
}
