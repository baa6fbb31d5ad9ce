package io.mcpplatform.core.geo;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers repeated questions from a {@link GeocodeCache} and asks the delegate only on a miss.
 * Answers that carry a note (a fallback answered) are not cached, so the configured geocoder is
 * asked again next time. A failing cache is treated as a miss.
 */
public final class CachingGeocoder implements Geocoder {

  private static final Logger LOG = LoggerFactory.getLogger(CachingGeocoder.class);

  private final Geocoder delegate;
  private final GeocodeCache cache;

  /**
   * @param delegate the geocoder asked on a miss
   * @param cache where answers are kept
   */
  public CachingGeocoder(Geocoder delegate, GeocodeCache cache) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  @Override
  public GeocodeResult geocode(String query, String language) {
    GeocodeCacheKey key = GeocodeCacheKey.forward(query, language);
    Optional<GeocodeResult> hit = read(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    return remember(key, delegate.geocode(query, language));
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    GeocodeCacheKey key = GeocodeCacheKey.reverse(latitude, longitude, language);
    Optional<GeocodeResult> hit = read(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    return remember(key, delegate.reverse(latitude, longitude, language));
  }

  private Optional<GeocodeResult> read(GeocodeCacheKey key) {
    try {
      return cache.get(key);
    } catch (RuntimeException e) {
      LOG.warn("geocode cache read failed, asking the geocoder: {}", e.toString());
      return Optional.empty();
    }
  }

  private GeocodeResult remember(GeocodeCacheKey key, GeocodeResult result) {
    if (result.note() == null) {
      try {
        cache.put(key, result);
      } catch (RuntimeException e) {
        LOG.warn("geocode cache write failed: {}", e.toString());
      }
    }
    return result;
  }
}
