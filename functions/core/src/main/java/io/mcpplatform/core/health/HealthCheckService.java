package io.mcpplatform.core.health;

import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryEmbedder;
import io.mcpplatform.core.embedding.TextEmbedder;
import io.mcpplatform.core.progress.ProgressListener;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.EntryNotFoundException;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.core.store.RegistryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The health checker's use cases: check one server now, or check every active server in one bounded
 * run.
 *
 * <p>A check probes the server, adds the result to its 24-hour history, computes uptime over that
 * history and writes the health fields only ({@link RegistryStore#saveHealth}), so a registration
 * made meanwhile is never overwritten. A run lists servers through {@link
 * RegistryStore#listByUpdated} (an index query, never a scan), checks the least recently checked
 * first with bounded concurrency, and stops starting probes when the remaining time budget falls
 * below a reserve; the servers it did not reach keep their older check time and so come first in
 * the next run.
 */
public final class HealthCheckService {

  /** How long health history is kept and uptime is computed over. */
  public static final Duration HISTORY = Duration.ofHours(24);

  private static final int PAGE = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckService.class);

  private final RegistryStore store;
  private final HealthProbe probe;
  private final Clock clock;
  private final Consumer<ServerEntry> onSaved;
  private final EntryEmbedder embedder;

  /**
   * @param store where entries, health and history live
   * @param probe how servers are probed
   * @param clock time source for check times
   * @param onSaved told of every entry after its health was saved (for example to refresh a search
   *     index)
   */
  public HealthCheckService(
      RegistryStore store, HealthProbe probe, Clock clock, Consumer<ServerEntry> onSaved) {
    this(store, probe, clock, onSaved, null);
  }

  /**
   * @param store where entries, health and history live
   * @param probe how servers are probed
   * @param clock time source for check times
   * @param onSaved told of every entry after its health was saved (for example to refresh a search
   *     index)
   * @param embedder the sentence-embedding model: when a probe finds tools whose text has no stored
   *     vector, their vectors are computed and stored ({@link RegistryStore#saveVectors}); null to
   *     store none. The model is only asked when there is something to embed.
   */
  public HealthCheckService(
      RegistryStore store,
      HealthProbe probe,
      Clock clock,
      Consumer<ServerEntry> onSaved,
      TextEmbedder embedder) {
    this.store = Objects.requireNonNull(store, "store");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onSaved = onSaved == null ? e -> {} : onSaved;
    this.embedder = embedder == null ? null : new EntryEmbedder(embedder);
  }

  /**
   * Probes one server now and records the result.
   *
   * @param name the server id
   * @return the report
   * @throws EntryNotFoundException when there is no such server
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the store fails
   */
  public HealthReport check(String name) {
    return check(name, ProgressListener.NONE);
  }

  /**
   * Probes one server now and records the result, telling a listener of each step.
   *
   * @param name the server id
   * @param progress hears the probe's steps and, last, the verdict
   * @return the report
   * @throws EntryNotFoundException when there is no such server
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the store fails
   */
  public HealthReport check(String name, ProgressListener progress) {
    HealthReport report =
        check(store.get(name).orElseThrow(() -> new EntryNotFoundException(name)), progress);
    progress.progress(HealthProbe.STEPS, HealthProbe.STEPS, "Verdict: " + report.message());
    return report;
  }

  /**
   * Probes one server now and records nothing: the report carries the stored health, unchanged.
   *
   * @param name the server id
   * @param progress hears the probe's steps and, last, the verdict
   * @return the report, {@code recorded: false}
   * @throws EntryNotFoundException when there is no such server
   */
  public HealthReport probeWithoutRecording(String name, ProgressListener progress) {
    ServerEntry entry = store.get(name).orElseThrow(() -> new EntryNotFoundException(name));
    Remote remote = remoteToProbe(entry);
    ProbeResult result =
        remote == null
            ? ProbeResult.down("the server has no remote to probe", null)
            : probe.probe(remote, progress);
    HealthReport report =
        new HealthReport(
            entry.name(),
            result.outcome(),
            entry.health(),
            result.outcome() == ProbeOutcome.UP ? result.discovered() : List.of(),
            result.detail(),
            false);
    progress.progress(HealthProbe.STEPS, HealthProbe.STEPS, "Verdict: " + report.message());
    return report;
  }

  private HealthReport check(ServerEntry entry) {
    return check(entry, ProgressListener.NONE);
  }

  private HealthReport check(ServerEntry entry, ProgressListener progress) {
    Remote remote = remoteToProbe(entry);
    ProbeResult result =
        remote == null
            ? ProbeResult.down("the server has no remote to probe", null)
            : probe.probe(remote, progress);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Double uptime = null;
    if (result.outcome() != ProbeOutcome.REFUSED) {
      store.appendHealthHistory(
          entry.name(),
          new HealthSample(now, result.outcome() == ProbeOutcome.UP, result.latencyMillis()),
          now.plus(HISTORY));
      uptime = HealthRules.uptime(store.healthHistory(entry.name(), now.minus(HISTORY)));
    }
    Health next = HealthRules.next(entry.health(), result, now, uptime);
    ServerEntry saved =
        store.saveHealth(
            entry.name(),
            next,
            result.outcome() == ProbeOutcome.UP ? result.discovered() : null,
            now);
    saved = embedNewTools(saved, now);
    onSaved.accept(saved);
    return new HealthReport(
        entry.name(), result.outcome(), saved.health(), result.discovered(), result.detail());
  }

  /**
   * Stores the vectors of texts a probe brought (new or changed tools); a registration meanwhile
   * wins.
   */
  private ServerEntry embedNewTools(ServerEntry saved, Instant now) {
    if (embedder == null || !embedder.isStale(saved)) {
      return saved;
    }
    try {
      return store.saveVectors(
          saved.name(), embedder.vectors(saved, saved.vectors()), saved.revision(), now);
    } catch (ConflictException | EntryNotFoundException e) {
      LOG.debug("vectors of {} not stored: {}", saved.name(), e.getMessage());
      return saved;
    } catch (RuntimeException e) {
      LOG.warn("vectors of {} not computed: {}", saved.name(), e.getMessage());
      return saved;
    }
  }

  /** Prefers a Streamable HTTP remote, the transport the platform speaks; else the first one. */
  static Remote remoteToProbe(ServerEntry entry) {
    for (Remote r : entry.remotes()) {
      if (Remote.STREAMABLE_HTTP.equals(r.type())) {
        return r;
      }
    }
    return entry.remotes().isEmpty() ? null : entry.remotes().get(0);
  }

  /**
   * Checks every active server, least recently checked first (never-checked servers before all
   * others).
   *
   * @param concurrency probes running at once, at least 1
   * @param remainingMillis time left in the run's budget (a Lambda's remaining time)
   * @param reserveMillis no probe starts when less than this is left (a probe's total timeout plus
   *     the time to record it)
   * @return what the run did
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the servers cannot be listed
   */
  public RunSummary checkAll(int concurrency, LongSupplier remainingMillis, long reserveMillis) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    long started = System.nanoTime();
    List<ServerEntry> due = dueServers();
    Tally tally = new Tally();
    int submitted = 0;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(concurrency, Math.max(1, due.size())), new ProbeThreads());
    Semaphore slots = new Semaphore(concurrency);
    // the probe threads log with the caller's context (on Lambda: the request id)
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    try {
      for (ServerEntry entry : due) {
        slots.acquire();
        if (remainingMillis.getAsLong() < reserveMillis) {
          slots.release();
          break;
        }
        submitted++;
        pool.execute(
            () -> {
              if (logContext != null) {
                MDC.setContextMap(logContext);
              }
              try {
                tally.add(check(entry));
              } catch (RuntimeException e) {
                tally.errors.incrementAndGet();
                LOG.warn(
                    "health check of '{}' could not be recorded: {}", entry.name(), e.getMessage());
              } finally {
                MDC.clear();
                slots.release();
              }
            });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdown();
    }
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("health checks still running after a minute past the last start");
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new RunSummary(
        due.size(),
        tally.checked.get(),
        tally.up.get(),
        tally.down.get(),
        tally.refused.get(),
        tally.unhealthy.get(),
        tally.errors.get(),
        due.size() - submitted,
        millis);
  }

  /**
   * @return active servers, least recently checked first
   */
  List<ServerEntry> dueServers() {
    List<ServerEntry> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<ServerEntry> page = store.listByUpdated(cursor, PAGE);
      for (ServerEntry e : page.items()) {
        if (e.status() == LifecycleStatus.ACTIVE) {
          all.add(e);
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    all.sort(
        Comparator.comparing(
                (ServerEntry e) -> e.health().checkedAt(),
                Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ServerEntry::name));
    return all;
  }

  private static final class Tally {
    final AtomicInteger checked = new AtomicInteger();
    final AtomicInteger up = new AtomicInteger();
    final AtomicInteger down = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger unhealthy = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();

    void add(HealthReport report) {
      checked.incrementAndGet();
      switch (report.outcome()) {
        case UP -> up.incrementAndGet();
        case DOWN -> down.incrementAndGet();
        case REFUSED -> refused.incrementAndGet();
      }
      if (report.health().status() == HealthStatus.UNHEALTHY) {
        unhealthy.incrementAndGet();
      }
    }
  }

  private static final class ProbeThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "health-probe-" + next.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
