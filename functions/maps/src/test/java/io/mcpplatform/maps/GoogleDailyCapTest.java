package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.geo.DynamoDbDailyCallCounter;
import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.geo.DailyCallCounter;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.InMemoryGeocodeCache;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.maps.google.GoogleGeocoder;
import io.mcpplatform.maps.google.GoogleGeocodingFake;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The daily cap on Google calls, as {@link MapsApp} wires it, counted in the table (dynalite): past
 * the cap the offline gazetteer answers with a note, cached answers cost nothing, and the count is
 * shared by every instance using the table.
 */
@ExtendWith(Dynalite.class)
class GoogleDailyCapTest {

  private final GoogleGeocodingFake google = new GoogleGeocodingFake();
  private final DynamoDbClient dynamo = DynamoDbClientFactory.createLocal(Dynalite.endpoint());
  private final String table = "maps-cap-" + UUID.randomUUID();
  private final Geocoder offline = new OfflineStub();

  @AfterEach
  void stop() {
    google.close();
    dynamo.close();
  }

  private Geocoder instance(MapsConfig config) {
    CachedSecretProvider key =
        new CachedSecretProvider(name -> "AIza-key", "k", Duration.ofMinutes(5));
    DailyCallCounter counter = new DynamoDbDailyCallCounter(dynamo, table, MapsApp.GOOGLE_COUNTER);
    return MapsApp.geocoder(
        config,
        key,
        new GoogleGeocoder(key, google.endpoint(), Duration.ofSeconds(5)),
        new InMemoryGeocodeCache(100),
        counter,
        offline);
  }

  @Test
  void pastTheDailyCap_theOfflineGazetteerAnswersWithANote_acrossInstances() {
    DynamoDbRegistryStore.createTable(dynamo, table);
    google.accept("AIza-key");
    MapsConfig config =
        MapsConfig.fromEnvironment(
            Map.of("GOOGLE_MAPS_SECRET_NAME", "k", "GOOGLE_DAILY_CALL_CAP", "3"));
    Geocoder first = instance(config);
    Geocoder second = instance(config);

    assertThat(first.geocode("Paris", "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(first.geocode("Paris", "en").source())
        .as("a cache hit")
        .isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(second.geocode("Lyon", "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(first.reverse(45.0, 5.0, "en").source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    GeocodeResult capped = second.geocode("Nice", "en");

    assertThat(google.keysSeen()).hasSize(3);
    assertThat(capped.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(capped.formattedAddress()).isEqualTo("Nice (offline)");
    assertThat(capped.note())
        .isEqualTo(
            "The daily cap of 3 Google Geocoding calls is reached (it resets at 00:00"
                + " UTC); this answer comes from the offline gazetteer and may be less precise.");
    assertThat(second.geocode("Nice", "en").note()).as("capped answers are not cached").isNotNull();
    String today = DynamoDbDailyCallCounter.partitionKey("google", LocalDate.now(ZoneOffset.UTC));
    assertThat(
            dynamo
                .getItem(
                    b ->
                        b.tableName(table)
                            .key(
                                Map.of(
                                    "pk",
                                    AttributeValue.fromS(today),
                                    "sk",
                                    AttributeValue.fromS("COUNT"))))
                .item()
                .get("calls")
                .n())
        .isEqualTo("3");
  }

  @Test
  void whenTheCounterCannotBeRead_theOfflineGazetteerAnswers_soTheCapHolds() {
    google.accept("AIza-key");
    Geocoder maps = instance(MapsConfig.fromEnvironment(Map.of("GOOGLE_MAPS_SECRET_NAME", "k")));

    GeocodeResult result = maps.geocode("Paris", "en");

    assertThat(google.keysSeen()).isEmpty();
    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(result.note())
        .startsWith("The daily count of Google Geocoding calls could not be checked");
  }
}
