package io.mcpplatform.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryGeocodeCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void get_returnsWhatWasPut_underTheNormalizedKey() {
    InMemoryGeocodeCache cache = new InMemoryGeocodeCache(10, Duration.ofHours(1), clock);
    GeocodeResult paris = Results.place("Paris, France", GeocodeResult.SOURCE_GOOGLE);
    cache.put(GeocodeCacheKey.forward("Paris", "en"), paris);
    assertThat(cache.get(GeocodeCacheKey.forward(" PARIS ", "en"))).contains(paris);
    assertThat(cache.get(GeocodeCacheKey.forward("Paris", "de"))).isEmpty();
  }

  @Test
  void put_evictsTheLeastRecentlyUsed_whenFull() {
    InMemoryGeocodeCache cache = new InMemoryGeocodeCache(2, Duration.ofHours(1), clock);
    GeocodeCacheKey a = GeocodeCacheKey.forward("a", "en");
    GeocodeCacheKey b = GeocodeCacheKey.forward("b", "en");
    GeocodeCacheKey c = GeocodeCacheKey.forward("c", "en");
    cache.put(a, Results.place("A", "t"));
    cache.put(b, Results.place("B", "t"));
    assertThat(cache.get(a)).isPresent();
    cache.put(c, Results.place("C", "t"));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get(b)).isEmpty();
    assertThat(cache.get(a)).isPresent();
    assertThat(cache.get(c)).isPresent();
  }

  @Test
  void get_missesAfterTheLifetime() {
    InMemoryGeocodeCache cache = new InMemoryGeocodeCache(10, Duration.ofHours(1), clock);
    GeocodeCacheKey key = GeocodeCacheKey.forward("Paris", "en");
    cache.put(key, Results.place("Paris", "t"));
    clock.advance(Duration.ofMinutes(59));
    assertThat(cache.get(key)).isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(cache.get(key)).isEmpty();
  }

  @Test
  void constructor_refusesALifetimeBeyondThirtyDays() {
    assertThatThrownBy(() -> new InMemoryGeocodeCache(10, Duration.ofDays(31), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
