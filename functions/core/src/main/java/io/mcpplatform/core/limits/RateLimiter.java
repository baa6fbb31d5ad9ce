package io.mcpplatform.core.limits;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller, in memory: each caller (a token subject or a source address) may make
 * {@code burst} requests at once and then {@code perSecond} a second. One bucket per caller per
 * process (per warm Lambda instance on AWS): the application's own limit, on top of API Gateway
 * throttling. Thread-safe.
 */
public final class RateLimiter {

  /** A limiter that allows everything. */
  public static final RateLimiter UNLIMITED = new RateLimiter(0, 0, System::nanoTime);

  private static final int MAX_CALLERS = 50_000;

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /**
   * @param perSecond sustained requests a second per caller; 0 disables limiting
   * @param burst requests a caller may make at once, at least 1 when limiting
   * @param nanoTime monotonic time source ({@code System::nanoTime})
   */
  public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
    if (perSecond < 0 || (perSecond > 0 && burst < 1)) {
      throw new IllegalArgumentException("perSecond must be >= 0 and burst >= 1");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token from a caller's bucket.
   *
   * @param caller the caller key
   * @return 0 when the request may go ahead, else the whole seconds to wait before the next one
   *     will
   */
  public long acquire(String caller) {
    if (perNano == 0) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (buckets.size() >= MAX_CALLERS) {
      evictFull(now);
    }
    Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      double missingNanos = (1 - bucket.tokens) / perNano;
      return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
    }
  }

  /**
   * @return whether limiting is on
   */
  public boolean enabled() {
    return perNano > 0;
  }

  private void evictFull(long now) {
    for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
      Bucket b = it.next().getValue();
      synchronized (b) {
        if (b.tokens + (now - b.at) * perNano >= burst) {
          it.remove();
        }
      }
    }
    if (buckets.size() >= MAX_CALLERS) {
      buckets.clear();
    }
  }
}
