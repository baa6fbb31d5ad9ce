package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.secrets.SecretsManagerFake;
import io.mcpplatform.aws.secrets.SecretsManagerSecretSource;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.InMemoryDailyCallCounter;
import io.mcpplatform.core.geo.InMemoryGeocodeCache;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.testing.MutableClock;
import io.mcpplatform.maps.google.GoogleGeocoder;
import io.mcpplatform.maps.google.GoogleGeocodingFake;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A warm maps function follows a rotated Google key without a redeploy: the key is read through the
 * real SDK from a Secrets Manager fake and rotated there with {@code PutSecretValue}, as an
 * operator does; Google is a loopback fake that knows which keys are valid.
 */
class GoogleKeyRotationTest {

  private static final String SECRET = "mcp/google-maps-api-key";
  private static final MapsConfig CONFIG =
      MapsConfig.fromEnvironment(Map.of("GOOGLE_MAPS_SECRET_NAME", SECRET));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final SecretsManagerFake secrets = new SecretsManagerFake();
  private final SecretsManagerClient client = secrets.client();
  private final GoogleGeocodingFake google = new GoogleGeocodingFake();
  private final Geocoder offline = new OfflineStub();

  @AfterEach
  void stop() {
    google.close();
    client.close();
    secrets.close();
  }

  /**
   * The maps function's geocoder as {@link MapsApp} wires it, with Google's endpoint and time made
   * local.
   */
  private Geocoder warmMaps() {
    CachedSecretProvider key =
        new CachedSecretProvider(
            new SecretsManagerSecretSource(client), SECRET, CONFIG.secretLifetime(), clock);
    return MapsApp.geocoder(
        CONFIG,
        key,
        new GoogleGeocoder(key, google.endpoint(), Duration.ofSeconds(5)),
        new InMemoryGeocodeCache(100),
        new InMemoryDailyCallCounter(),
        offline);
  }

  private void rotate(String newKey) {
    client.putSecretValue(b -> b.secretId(SECRET).secretString(newKey));
  }

  @Test
  void aRotatedKey_isUsedOnceTheCacheLifetimeEnds_whileTheOldKeyStillWorks() {
    secrets.put(SECRET, "AIza-old");
    google.accept("AIza-old", "AIza-new");
    Geocoder maps = warmMaps();
    maps.geocode("Paris", "en");

    rotate("AIza-new");
    maps.geocode("Lyon", "en");
    clock.advance(CONFIG.secretLifetime());
    GeocodeResult afterLifetime = maps.geocode("Nice", "en");

    assertThat(google.keysSeen()).containsExactly("AIza-old", "AIza-old", "AIza-new");
    assertThat(afterLifetime.source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(afterLifetime.note()).isNull();
    assertThat(CONFIG.secretLifetime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aKeyGoogleCallsInvalid_isReplacedAtOnce_withinTheCacheLifetime() {
    secrets.put(SECRET, "AIza-old");
    google.accept("AIza-old");
    Geocoder maps = warmMaps();
    maps.geocode("Paris", "en");
    long readsBefore = secrets.count("GetSecretValue");

    rotate("AIza-new");
    google.accept("AIza-new");
    GeocodeResult result = maps.geocode("Lyon", "en");

    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(result.note()).isNull();
    assertThat(google.keysSeen()).containsExactly("AIza-old", "AIza-old", "AIza-new");
    assertThat(secrets.count("GetSecretValue") - readsBefore).isEqualTo(1);
    assertThat(maps.geocode("Nice", "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(google.keysSeen()).endsWith("AIza-new", "AIza-new");
  }
}
