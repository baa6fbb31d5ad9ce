package io.mcpplatform.aws.geo;

import io.mcpplatform.core.geo.GeocodeCache;
import io.mcpplatform.core.geo.GeocodeCacheKey;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Geocoding answers kept in the registry's single table: items {@code pk = GEOCODE#<normalized
 * key>}, {@code sk = CACHE}, the answer as JSON in {@code result}, and {@code expiresAt} (epoch
 * seconds) for DynamoDB's TTL, at most {@value GeocodeCache#MAX_TTL_DAYS} days ahead. Since TTL
 * deletion lags, reads also ignore expired items.
 */
public final class DynamoDbGeocodeCache implements GeocodeCache {

  /** Partition key prefix of cache items. */
  public static final String KEY_PREFIX = "GEOCODE#";

  /** Sort key of cache items. */
  public static final String SORT_KEY_VALUE = "CACHE";

  /** The TTL attribute, shared with the rest of the table. */
  public static final String EXPIRES_AT = "expiresAt";

  private static final String PK = "pk";
  private static final String SK = "sk";
  private static final String RESULT = "result";
  private static final int MAX_KEY_BYTES = 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DynamoDbClient client;
  private final String table;
  private final Duration ttl;
  private final Clock clock;

  /**
   * @param client a client built once per process
   * @param table the table name (the registry's table, key attributes {@code pk}/{@code sk})
   * @param ttl how long an answer is kept, positive and at most {@value GeocodeCache#MAX_TTL_DAYS}
   *     days
   * @param clock the time source
   */
  public DynamoDbGeocodeCache(DynamoDbClient client, String table, Duration ttl, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(MAX_TTL_DAYS)) > 0) {
      throw new IllegalArgumentException(
          "ttl must be positive and at most " + MAX_TTL_DAYS + " days");
    }
    this.ttl = ttl;
  }

  @Override
  public Optional<GeocodeResult> get(GeocodeCacheKey key) {
    GetItemResponse response;
    try {
      response = client.getItem(b -> b.tableName(table).key(key(key)));
    } catch (SdkException e) {
      throw new StoreUnavailableException("geocode cache read failed", e);
    }
    Map<String, AttributeValue> item = response.item();
    if (item == null || item.isEmpty() || !item.containsKey(RESULT)) {
      return Optional.empty();
    }
    AttributeValue expires = item.get(EXPIRES_AT);
    if (expires == null
        || expires.n() == null
        || Long.parseLong(expires.n()) <= clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(item.get(RESULT).s(), GeocodeResult.class));
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public void put(GeocodeCacheKey key, GeocodeResult result) {
    Instant now = clock.instant();
    Map<String, AttributeValue> item = new java.util.HashMap<>(key(key));
    item.put(RESULT, AttributeValue.fromS(JSON.writeValueAsString(result)));
    item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond())));
    item.put("cachedAt", AttributeValue.fromS(now.toString()));
    try {
      client.putItem(b -> b.tableName(table).item(item));
    } catch (SdkException e) {
      throw new StoreUnavailableException("geocode cache write failed", e);
    }
  }

  /**
   * @param key a cache key
   * @return the item's partition key: the prefix and the key, or a SHA-256 of the key when it is
   *     long
   */
  static String partitionKey(GeocodeCacheKey key) {
    String value = key.value();
    if (value.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
      return KEY_PREFIX + value;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return KEY_PREFIX + "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, AttributeValue> key(GeocodeCacheKey key) {
    return Map.of(
        PK, AttributeValue.fromS(partitionKey(key)), SK, AttributeValue.fromS(SORT_KEY_VALUE));
  }
}
