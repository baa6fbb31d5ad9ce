package io.mcpplatform.core.geo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A least-recently-used cache held in memory, bounded in entries and in age. Thread-safe. */
public final class InMemoryGeocodeCache implements GeocodeCache {

  private record Entry(GeocodeResult result, Instant expiresAt) {}

  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<GeocodeCacheKey, Entry> entries;

  /**
   * @param maxEntries how many answers to keep at most, at least 1
   * @param ttl how long an answer is kept, at most {@value GeocodeCache#MAX_TTL_DAYS} days
   * @param clock the time source
   */
  public InMemoryGeocodeCache(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(MAX_TTL_DAYS)) > 0) {
      throw new IllegalArgumentException(
          "ttl must be positive and at most " + MAX_TTL_DAYS + " days");
    }
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<GeocodeCacheKey, Entry> eldest) {
            return size() > InMemoryGeocodeCache.this.maxEntries;
          }
        };
  }

  /**
   * @param maxEntries how many answers to keep at most; answers are kept for a day
   */
  public InMemoryGeocodeCache(int maxEntries) {
    this(maxEntries, Duration.ofDays(1), Clock.systemUTC());
  }

  @Override
  public synchronized Optional<GeocodeResult> get(GeocodeCacheKey key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.result());
  }

  @Override
  public synchronized void put(GeocodeCacheKey key, GeocodeResult result) {
    entries.put(key, new Entry(result, clock.instant().plus(ttl)));
  }

  /**
   * @return how many answers are held now
   */
  public synchronized int size() {
    return entries.size();
  }
}
