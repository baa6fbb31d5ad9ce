package io.mcpplatform.aws.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeCacheKey;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.store.StoreUnavailableException;
import io.mcpplatform.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(Dynalite.class)
class DynamoDbGeocodeCacheTest {

  private static DynamoDbClient client;
  private String table;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

  private static final GeocodeResult PARIS =
      new GeocodeResult(
          "Paris, France",
          48.856614,
          2.3522219,
          "ChIJD7fiBh9u5kcRYJSMaMOCCwQ",
          null,
          List.of(
              new AddressComponent("Paris", "Paris", List.of("locality", "political")),
              new AddressComponent("France", "FR", List.of("country", "political"))),
          GeocodeResult.SOURCE_GOOGLE,
          null,
          null);

  @BeforeAll
  static void connect() {
    client = DynamoDbClientFactory.createLocal(Dynalite.endpoint());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void createTable() {
    table = "geocode-" + UUID.randomUUID();
    DynamoDbRegistryStore.createTable(client, table);
  }

  @Test
  void get_returnsThePutResult_underTheNormalizedKey() {
    DynamoDbGeocodeCache cache =
        new DynamoDbGeocodeCache(client, table, Duration.ofDays(30), clock);
    cache.put(GeocodeCacheKey.forward("Paris", "en"), PARIS);
    assertThat(cache.get(GeocodeCacheKey.forward("  PARIS ", "en"))).contains(PARIS);
    assertThat(cache.get(GeocodeCacheKey.forward("Paris", "fr"))).isEmpty();
  }

  @Test
  void put_writesTheSingleTableLayout_withATtlAtMostThirtyDaysAhead() {
    DynamoDbGeocodeCache cache =
        new DynamoDbGeocodeCache(client, table, Duration.ofDays(30), clock);
    cache.put(GeocodeCacheKey.forward("Paris", "en"), PARIS);
    Map<String, AttributeValue> item =
        client
            .getItem(
                b ->
                    b.tableName(table)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("GEOCODE#fwd|en|paris"),
                                "sk",
                                AttributeValue.fromS("CACHE"))))
            .item();
    assertThat(item).containsKeys("result", "expiresAt");
    assertThat(Long.parseLong(item.get("expiresAt").n()))
        .isEqualTo(clock.instant().plus(Duration.ofDays(30)).getEpochSecond());
  }

  @Test
  void get_ignoresExpiredItems_thatTtlHasNotDeletedYet() {
    DynamoDbGeocodeCache cache = new DynamoDbGeocodeCache(client, table, Duration.ofDays(1), clock);
    GeocodeCacheKey key = GeocodeCacheKey.reverse(48.85, 2.35, "en");
    cache.put(key, PARIS);
    clock.advance(Duration.ofHours(23));
    assertThat(cache.get(key)).isPresent();
    clock.advance(Duration.ofHours(1));
    assertThat(cache.get(key)).isEmpty();
  }

  @Test
  void put_hashesKeysTooLongForAPartitionKey() {
    DynamoDbGeocodeCache cache = new DynamoDbGeocodeCache(client, table, Duration.ofDays(1), clock);
    GeocodeCacheKey longKey = GeocodeCacheKey.forward("東".repeat(500), "en");
    assertThat(DynamoDbGeocodeCache.partitionKey(longKey))
        .startsWith("GEOCODE#sha256:")
        .hasSize(8 + 7 + 64);
    cache.put(longKey, PARIS);
    assertThat(cache.get(longKey)).contains(PARIS);
  }

  @Test
  void constructor_refusesATtlBeyondThirtyDays() {
    assertThatThrownBy(() -> new DynamoDbGeocodeCache(client, table, Duration.ofDays(31), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void getAndPut_failAsStoreUnavailable_whenTheTableIsMissing() {
    DynamoDbGeocodeCache cache =
        new DynamoDbGeocodeCache(client, "no-such-table", Duration.ofDays(1), clock);
    assertThatThrownBy(() -> cache.get(GeocodeCacheKey.forward("Paris", "en")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> cache.put(GeocodeCacheKey.forward("Paris", "en"), PARIS))
        .isInstanceOf(StoreUnavailableException.class);
  }
}
