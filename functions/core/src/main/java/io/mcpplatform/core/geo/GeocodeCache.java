package io.mcpplatform.core.geo;

import java.util.Optional;

/**
 * Remembers geocoding answers so that a repeated question costs no call to a paid service. Entries
 * expire: an adapter keeps none longer than {@link #MAX_TTL_DAYS} days, the longest Google's terms
 * allow.
 *
 * <p>A cache is an optimisation: callers treat its failures as misses.
 */
public interface GeocodeCache {

  /** The longest time an answer may be kept, in days. */
  int MAX_TTL_DAYS = 30;

  /**
   * @param key the normalized question
   * @return the remembered answer, or empty when there is none or it has expired
   * @throws RuntimeException when the cache cannot be read; callers treat it as a miss
   */
  Optional<GeocodeResult> get(GeocodeCacheKey key);

  /**
   * @param key the normalized question
   * @param result the answer to remember
   * @throws RuntimeException when the cache cannot be written; callers ignore it
   */
  void put(GeocodeCacheKey key, GeocodeResult result);
}
