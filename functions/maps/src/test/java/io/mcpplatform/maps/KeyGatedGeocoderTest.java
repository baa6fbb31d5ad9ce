package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretSource;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import io.mcpplatform.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyGatedGeocoderTest {

  private static final Duration LIFETIME = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final FakeSecrets secrets = new FakeSecrets();
  private final Fixed keyed = new Fixed(GeocodeResult.SOURCE_GOOGLE);
  private final Fixed keyless = new Fixed(GeocodeResult.SOURCE_OFFLINE);
  private final Geocoder gate =
      new KeyGatedGeocoder(
          new CachedSecretProvider(secrets, "maps/google-key", LIFETIME, clock),
          keyed,
          keyless,
          LIFETIME,
          clock);

  @Test
  void geocode_asksTheKeyedGeocoder_whenTheSecretHoldsAKey() {
    secrets.value = "AIza-test-key";

    GeocodeResult result = gate.geocode("Paris", "en");

    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(result.note()).isNull();
  }

  @Test
  void geocode_answersOfflineWithANote_whenTheSecretIsEmpty() {
    GeocodeResult result = gate.geocode("Paris", "en");

    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(result.note())
        .startsWith("No Google Maps API key is set (secret \"maps/google-key\" is empty");
    assertThat(keyed.calls.get()).isZero();
  }

  @Test
  void reverse_readsAnEmptySecretOncePerLifetime_andPicksUpAKeyPutLater() {
    gate.reverse(1, 2, "en");
    gate.reverse(1, 2, "en");
    assertThat(secrets.reads.get()).isEqualTo(1);

    secrets.value = "AIza-test-key";
    clock.advance(LIFETIME.plusSeconds(1));
    GeocodeResult result = gate.reverse(1, 2, "en");

    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(secrets.reads.get()).isEqualTo(2);
  }

  @Test
  void geocode_leavesAnUnreadableSecretToTheKeyedGeocoder() {
    secrets.unavailable = true;

    GeocodeResult result = gate.geocode("Paris", "en");

    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(keyless.calls.get()).isZero();
  }

  private static final class FakeSecrets implements SecretSource {
    volatile String value;
    volatile boolean unavailable;
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public String secret(String name) {
      reads.incrementAndGet();
      if (unavailable) {
        throw new SecretUnavailableException("Secrets Manager could not be reached", null);
      }
      if (value == null) {
        throw new SecretNotFoundException("Secret \"" + name + "\" holds no text value.");
      }
      return value;
    }
  }

  private static final class Fixed implements Geocoder {
    private final String source;
    final AtomicInteger calls = new AtomicInteger();

    Fixed(String source) {
      this.source = source;
    }

    @Override
    public GeocodeResult geocode(String query, String language) {
      return answer();
    }

    @Override
    public GeocodeResult reverse(double latitude, double longitude, String language) {
      return answer();
    }

    private GeocodeResult answer() {
      calls.incrementAndGet();
      return new GeocodeResult(
          "Paris, France",
          48.85,
          2.35,
          "id",
          null,
          List.of(new AddressComponent("Paris", null, List.of("locality"))),
          source,
          null,
          null);
    }
  }
}
