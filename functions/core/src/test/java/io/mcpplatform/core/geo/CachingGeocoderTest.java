package io.mcpplatform.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingGeocoderTest {

  private final AtomicInteger calls = new AtomicInteger();

  private Geocoder counting(String note) {
    return new Geocoder() {
      @Override
      public GeocodeResult geocode(String query, String language) {
        calls.incrementAndGet();
        GeocodeResult r = Results.place(query, GeocodeResult.SOURCE_GOOGLE);
        return note == null ? r : r.withNote(note);
      }

      @Override
      public GeocodeResult reverse(double latitude, double longitude, String language) {
        calls.incrementAndGet();
        return Results.place("at " + latitude, GeocodeResult.SOURCE_GOOGLE);
      }
    };
  }

  @Test
  void geocode_asksTheDelegateOnce_forRepeatedQuestions() {
    CachingGeocoder geocoder = new CachingGeocoder(counting(null), new InMemoryGeocodeCache(10));
    GeocodeResult first = geocoder.geocode("Paris", "en");
    GeocodeResult second = geocoder.geocode("  paris", "en");
    geocoder.reverse(1, 2, "en");
    geocoder.reverse(1, 2, "en");
    assertThat(second).isEqualTo(first);
    assertThat(calls).hasValue(2);
  }

  @Test
  void geocode_doesNotCache_answersFromAFallback() {
    CachingGeocoder geocoder =
        new CachingGeocoder(counting("fallback answered"), new InMemoryGeocodeCache(10));
    geocoder.geocode("Paris", "en");
    geocoder.geocode("Paris", "en");
    assertThat(calls).hasValue(2);
  }

  @Test
  void geocode_stillAnswers_whenTheCacheFails() {
    GeocodeCache broken =
        new GeocodeCache() {
          @Override
          public Optional<GeocodeResult> get(GeocodeCacheKey key) {
            throw new IllegalStateException("down");
          }

          @Override
          public void put(GeocodeCacheKey key, GeocodeResult result) {
            throw new IllegalStateException("down");
          }
        };
    CachingGeocoder geocoder = new CachingGeocoder(counting(null), broken);
    assertThat(geocoder.geocode("Paris", "en").formattedAddress()).isEqualTo("Paris");
  }
}
