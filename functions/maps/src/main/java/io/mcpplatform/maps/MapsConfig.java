package io.mcpplatform.maps;

import static io.mcpplatform.core.catalog.Arguments.blankToNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the maps function reads from its environment, read in this one place.
 *
 * <ul>
 *   <li>{@code GOOGLE_MAPS_SECRET_NAME}: the Secrets Manager secret holding the Google Maps API
 *       key. Blank or absent: no Google, every answer comes from the offline gazetteer. The key
 *       itself is never an environment variable.
 *   <li>{@code TABLE_NAME}: the DynamoDB table for the geocode cache (the registry's table);
 *       absent: an in-memory LRU cache.
 *   <li>{@code DYNAMODB_ENDPOINT}: optional endpoint override (dynalite, LocalStack).
 *   <li>{@code AWS_REGION}: region of the table and the secret (set by Lambda).
 *   <li>{@code GOOGLE_MAPS_KEY_CACHE_SECONDS}: how long a read key is used before Secrets Manager
 *       is asked again (default 300).
 *   <li>{@code GEOCODE_CACHE_TTL_DAYS}: how long a Google answer is cached, 1 to 30 (default 30,
 *       the most Google's terms allow).
 *   <li>{@code GOOGLE_DAILY_CALL_CAP}: the most Google Geocoding calls a UTC day may have, counted
 *       across all instances in the table (in memory without one); past it the offline gazetteer
 *       answers with a note. 0 to 1,000,000 (default {@value #DEFAULT_DAILY_CAP}; 0 sends nothing
 *       to Google).
 *   <li>{@code RATE_LIMIT_PER_SECOND}: sustained requests a second per caller address (default
 *       {@value #DEFAULT_RATE_PER_SECOND}; 0 turns the limit off) and {@code RATE_LIMIT_BURST}:
 *       requests an address may make at once (default {@value #DEFAULT_BURST}). Per warm instance.
 * </ul>
 *
 * @param googleMapsSecretName secret holding the Google key, or null for offline only
 * @param tableName DynamoDB table of the geocode cache, or null for the in-memory cache
 * @param dynamoDbEndpoint endpoint override, nullable
 * @param region AWS region, nullable (SDK default chain)
 * @param secretLifetime how long a read key is used
 * @param cacheTtl how long an answer is cached
 * @param googleDailyCap the most Google calls a UTC day may have
 * @param rateLimitPerSecond sustained requests a second per caller address, 0 for no limit
 * @param rateLimitBurst requests an address may make at once
 */
public record MapsConfig(
    String googleMapsSecretName,
    String tableName,
    URI dynamoDbEndpoint,
    String region,
    Duration secretLifetime,
    Duration cacheTtl,
    long googleDailyCap,
    double rateLimitPerSecond,
    int rateLimitBurst) {

  /** Default {@link #secretLifetime()}. */
  public static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofMinutes(5);

  /** Default and longest {@link #cacheTtl()}: 30 days. */
  public static final Duration MAX_CACHE_TTL = Duration.ofDays(30);

  /**
   * Default {@link #googleDailyCap()}: about 9,000 calls a month, inside Google's monthly free
   * allowance.
   */
  public static final long DEFAULT_DAILY_CAP = 300;

  /** Default sustained requests a second per caller address. */
  public static final int DEFAULT_RATE_PER_SECOND = 5;

  /** Default burst per caller address. */
  public static final int DEFAULT_BURST = 30;

  public MapsConfig {
    if (googleDailyCap < 0
        || rateLimitPerSecond < 0
        || Double.isNaN(rateLimitPerSecond)
        || (rateLimitPerSecond > 0 && rateLimitBurst < 1)) {
      throw new IllegalArgumentException(
          "the daily cap and rate limit must be >= 0, with a burst of at least 1");
    }
  }

  /**
   * @return the configuration of this process
   */
  public static MapsConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * @param env environment variables
   * @return the configuration they describe
   * @throws IllegalArgumentException naming the variable when a value is malformed
   */
  public static MapsConfig fromEnvironment(Map<String, String> env) {
    String endpoint = blankToNull(env.get("DYNAMODB_ENDPOINT"));
    long keySeconds =
        number(
            env, "GOOGLE_MAPS_KEY_CACHE_SECONDS", DEFAULT_SECRET_LIFETIME.toSeconds(), 1, 86_400);
    long ttlDays =
        number(env, "GEOCODE_CACHE_TTL_DAYS", MAX_CACHE_TTL.toDays(), 1, MAX_CACHE_TTL.toDays());
    URI endpointUri;
    try {
      endpointUri = endpoint == null ? null : URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000");
    }
    long dailyCap = number(env, "GOOGLE_DAILY_CALL_CAP", DEFAULT_DAILY_CAP, 0, 1_000_000);
    long perSecond = number(env, "RATE_LIMIT_PER_SECOND", DEFAULT_RATE_PER_SECOND, 0, 10_000);
    long burst = number(env, "RATE_LIMIT_BURST", DEFAULT_BURST, 1, 100_000);
    return new MapsConfig(
        blankToNull(env.get("GOOGLE_MAPS_SECRET_NAME")),
        blankToNull(env.get("TABLE_NAME")),
        endpointUri,
        blankToNull(env.get("AWS_REGION")),
        Duration.ofSeconds(keySeconds),
        Duration.ofDays(ttlDays),
        dailyCap,
        perSecond,
        (int) burst);
  }

  /**
   * @return the local configuration: offline gazetteer only, in-memory cache, no AWS, no rate limit
   */
  public static MapsConfig local() {
    return new MapsConfig(
        null, null, null, null, DEFAULT_SECRET_LIFETIME, MAX_CACHE_TTL, DEFAULT_DAILY_CAP, 0, 1);
  }

  /**
   * @return true when a Google key is configured (a secret name, not a key)
   */
  public boolean googleConfigured() {
    return googleMapsSecretName != null;
  }

  private static long number(
      Map<String, String> env, String name, long fallback, long min, long max) {
    String raw = blankToNull(env.get(name));
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
  }
}
