package io.mcpplatform.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.store.StoreUnavailableException;
import io.mcpplatform.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The daily cap on paid calls with the in-memory counter the local system and tests use. */
class DailyCappedGeocoderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T23:59:00Z"));
  private final AtomicInteger paidCalls = new AtomicInteger();
  private final Geocoder paid =
      new Geocoder() {
        @Override
        public GeocodeResult geocode(String query, String language) {
          paidCalls.incrementAndGet();
          return Results.place(query, GeocodeResult.SOURCE_GOOGLE);
        }

        @Override
        public GeocodeResult reverse(double latitude, double longitude, String language) {
          return geocode("point", language);
        }
      };
  private final Geocoder free =
      new Geocoder() {
        @Override
        public GeocodeResult geocode(String query, String language) {
          return Results.place(query, GeocodeResult.SOURCE_OFFLINE);
        }

        @Override
        public GeocodeResult reverse(double latitude, double longitude, String language) {
          return geocode("point", language);
        }
      };

  private Geocoder capped(DailyCallCounter counter, long cap) {
    return new DailyCappedGeocoder(
        paid, "Google Geocoding", free, "the offline gazetteer", counter, cap, clock);
  }

  @Test
  void pastTheCap_theFallbackAnswersWithANote_untilTheNextUtcDay() {
    Geocoder geocoder = capped(new InMemoryDailyCallCounter(), 2);

    assertThat(geocoder.geocode("Paris", "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(geocoder.reverse(1, 2, "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    GeocodeResult third = geocoder.reverse(1, 2, "en");

    assertThat(third.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(third.note())
        .isEqualTo(
            "The daily cap of 2 Google Geocoding calls is reached (it resets at 00:00"
                + " UTC); this answer comes from the offline gazetteer and may be less precise.");
    assertThat(paidCalls.get()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(1));
    assertThat(geocoder.geocode("Lyon", "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(paidCalls.get()).isEqualTo(3);
  }

  @Test
  void aZeroCap_sendsNothingToThePaidGeocoder_andAnUnreadableCounterKeepsTheCap() {
    assertThat(capped(new InMemoryDailyCallCounter(), 0).geocode("Paris", "en").source())
        .isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    DailyCallCounter broken =
        (day, cap) -> {
          throw new StoreUnavailableException("table unreachable", null);
        };

    GeocodeResult result = capped(broken, 100).geocode("Paris", "en");

    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(result.note())
        .startsWith("The daily count of Google Geocoding calls could not be checked");
    assertThat(paidCalls.get()).isZero();
  }
}
