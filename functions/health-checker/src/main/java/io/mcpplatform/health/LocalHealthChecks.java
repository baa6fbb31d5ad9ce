package io.mcpplatform.health;

import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.RunSummary;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health checker inside the local system: a run every interval on a timer thread, and {@link
 * #runNow()} for a run on demand. Runs never overlap; a run on demand waits for a timer run in
 * progress. There is no Lambda deadline locally, so a run always checks every server.
 */
public final class LocalHealthChecks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalHealthChecks.class);

  private final HealthCheckService checks;
  private final int concurrency;
  private final ReentrantLock running = new ReentrantLock();
  private final ScheduledExecutorService timer;

  /**
   * Starts the timer; the first run comes one interval after the start.
   *
   * @param checks the wired use case
   * @param interval time between the end of a run and the start of the next
   * @param concurrency probes at once
   */
  public LocalHealthChecks(HealthCheckService checks, Duration interval, int concurrency) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.concurrency = concurrency;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the health check interval must be positive");
    }
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "health-check-timer");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::timed, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void timed() {
    try {
      runNow();
    } catch (RuntimeException e) {
      LOG.warn("scheduled health check run failed: {}", e.getMessage());
    }
  }

  /**
   * Checks every active server now.
   *
   * @return what the run did
   */
  public RunSummary runNow() {
    running.lock();
    try {
      RunSummary s = checks.checkAll(concurrency, () -> Long.MAX_VALUE, 0);
      LOG.info(
          "health check run: {} servers checked ({} up, {} down, {} refused), {} unhealthy, {} ms",
          s.checked(),
          s.up(),
          s.down(),
          s.refused(),
          s.unhealthy(),
          s.durationMillis());
      return s;
    } finally {
      running.unlock();
    }
  }

  /** Stops the timer; a run in progress finishes its probes on their own timeouts. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
