package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.InMemoryDailyCallCounter;
import io.mcpplatform.core.geo.InMemoryGeocodeCache;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretSource;
import io.mcpplatform.embedded.geo.OfflineGeocoder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MapsAppTest {

  private static OfflineGeocoder offline;

  @BeforeAll
  static void load() {
    offline = new OfflineGeocoder();
    offline.load();
  }

  @Test
  void geocoder_isTheOfflineGazetteer_whenNoKeyIsConfigured() {
    AtomicInteger reads = new AtomicInteger();
    SecretSource secrets =
        name -> {
          reads.incrementAndGet();
          return "unused";
        };

    Geocoder geocoder =
        MapsApp.geocoder(
            MapsConfig.fromEnvironment(Map.of()),
            secrets,
            new InMemoryGeocodeCache(10),
            new InMemoryDailyCallCounter(),
            offline);

    assertThat(geocoder).isSameAs(offline);
    assertThat(reads.get()).isZero();
  }

  @Test
  void geocoder_answersOfflineWithoutCaching_whenTheConfiguredSecretIsEmpty() {
    SecretSource empty =
        name -> {
          throw new SecretNotFoundException("Secret \"" + name + "\" holds no text value.");
        };
    InMemoryGeocodeCache cache = new InMemoryGeocodeCache(10);
    Geocoder geocoder =
        MapsApp.geocoder(
            MapsConfig.fromEnvironment(
                Map.of("GOOGLE_MAPS_SECRET_NAME", "mcp/google-maps-api-key")),
            empty,
            cache,
            new InMemoryDailyCallCounter(),
            offline);

    GeocodeResult paris = geocoder.geocode("Paris", "en");

    assertThat(paris.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(paris.formattedAddress()).endsWith("France");
    assertThat(paris.note()).contains("mcp/google-maps-api-key");
    assertThat(cache.size()).isZero();
  }

  @Test
  void local_servesTheMapsEndpoint() {
    assertThat(MapsApp.local().routes())
        .extracting(r -> r.pathSpec())
        .containsExactly(MapsApp.MCP_PATH);
  }
}
