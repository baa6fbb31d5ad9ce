package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.search.SearchIndex;
import io.mcpplatform.core.store.Change;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.core.store.RegistryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an in-memory {@link SearchIndex} in step with the store by reading only what changed since
 * the last refresh. Refreshes at most once per interval; concurrent callers do not wait for a
 * refresh that another thread is running. Re-reads a short overlap window before the watermark, so
 * a change recorded late (clock skew between writers, an index that is eventually consistent) is
 * still picked up; applying a change twice is harmless because older copies never replace newer
 * ones.
 */
final class IndexSync {

  private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
  private static final int PAGE = 500;

  private final RegistryStore store;
  private final SearchIndex index;
  private final Consumer<ServerEntry> apply;
  private final Clock clock;
  private final Duration interval;
  private final Duration overlap;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Instant watermark = Instant.EPOCH;
  private volatile Instant lastRefresh;

  IndexSync(
      RegistryStore store,
      SearchIndex index,
      Consumer<ServerEntry> apply,
      Clock clock,
      Duration interval,
      Duration overlap) {
    this.store = store;
    this.index = index;
    this.apply = apply;
    this.clock = clock;
    this.interval = interval;
    this.overlap = overlap;
  }

  /** Refreshes when the interval has passed since the last refresh, or when there never was one. */
  void refreshIfDue() {
    Instant last = lastRefresh;
    if (last != null && clock.instant().isBefore(last.plus(interval))) {
      return;
    }
    if (last == null) {
      lock.lock();
    } else if (!lock.tryLock()) {
      return;
    }
    try {
      if (lastRefresh != null && lastRefresh != last) {
        return;
      }
      refresh();
    } finally {
      lock.unlock();
    }
  }

  private void refresh() {
    Instant started = clock.instant();
    Instant since = watermark.equals(Instant.EPOCH) ? Instant.EPOCH : watermark.minus(overlap);
    Instant newest = watermark;
    int applied = 0;
    String cursor = null;
    do {
      Page<Change> page = store.changesSince(since, cursor, PAGE);
      for (Change change : page.items()) {
        apply.accept(change.entry());
        applied++;
        if (change.changedAt().isAfter(newest)) {
          newest = change.changedAt();
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    watermark = newest;
    lastRefresh = started;
    if (applied > 0) {
      LOG.debug("search index refreshed: {} changes read, {} entries", applied, index.size());
    }
  }
}
