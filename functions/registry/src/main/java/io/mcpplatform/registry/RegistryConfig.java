package io.mcpplatform.registry;

import static io.mcpplatform.core.catalog.Arguments.blankToNull;

import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.registry.auth.TokenService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the registry function reads from its environment, read in this one place.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the DynamoDB table; when set, entries live in DynamoDB (AWS mode).
 *   <li>{@code DYNAMODB_ENDPOINT}: optional endpoint override (dynalite, LocalStack).
 *   <li>{@code AWS_REGION}: region of the table (set by Lambda).
 *   <li>{@code REGISTRY_DATA_DIR}: directory of the embedded store, used when no table is named
 *       (default {@code .local/data}).
 *   <li>{@code REGISTRY_URL_POLICY}: {@code https-only} (default with a table) or {@code local}
 *       (default without: http allowed to loopback).
 *   <li>{@code INDEX_REFRESH_MS}: how stale the search index may get (default 1000).
 *   <li>{@code REGISTRY_SIGNING_SECRET_ARN}: the Secrets Manager secret holding the token signing
 *       key; without it the key is the file {@code signing.key} in the data directory (created on
 *       first use).
 *   <li>{@code RATE_LIMIT_PER_SECOND}: sustained requests a second per caller (default 10; 0 turns
 *       the limit off) and {@code RATE_LIMIT_BURST}: requests a caller may make at once (default
 *       60).
 *   <li>{@code TOKEN_MAX_LIFETIME_HOURS}: the longest lifetime a bearer token may have, checked at
 *       verification whoever signed it, 1 to 24 (default 24).
 * </ul>
 *
 * @param tableName DynamoDB table, or null for the embedded store
 * @param dynamoDbEndpoint endpoint override, nullable
 * @param region AWS region, nullable (SDK default chain)
 * @param dataDir embedded store directory
 * @param urlPolicy which remote URLs are accepted
 * @param indexRefresh search index staleness bound
 * @param signingSecretArn secret holding the token signing key, or null for the local key file
 * @param rateLimitPerSecond sustained requests a second per caller, 0 for no limit
 * @param rateLimitBurst requests a caller may make at once
 * @param tokenMaxLifetime the longest lifetime a bearer token may have
 */
public record RegistryConfig(
    String tableName,
    URI dynamoDbEndpoint,
    String region,
    Path dataDir,
    UrlPolicy urlPolicy,
    Duration indexRefresh,
    String signingSecretArn,
    double rateLimitPerSecond,
    int rateLimitBurst,
    Duration tokenMaxLifetime) {

  /** Default sustained requests a second per caller on AWS. */
  public static final double DEFAULT_RATE_PER_SECOND = 10;

  /** Default burst per caller on AWS. */
  public static final int DEFAULT_BURST = 60;

  public RegistryConfig {
    if (rateLimitPerSecond < 0 || (rateLimitPerSecond > 0 && rateLimitBurst < 1)) {
      throw new IllegalArgumentException(
          "rate limit must be >= 0 a second with a burst of at least 1");
    }
    tokenMaxLifetime = tokenMaxLifetime == null ? TokenService.MAX_TTL : tokenMaxLifetime;
  }

  /** A configuration with the local key file and no rate limit. */
  public RegistryConfig(
      String tableName,
      URI dynamoDbEndpoint,
      String region,
      Path dataDir,
      UrlPolicy urlPolicy,
      Duration indexRefresh) {
    this(tableName, dynamoDbEndpoint, region, dataDir, urlPolicy, indexRefresh, null, 0, 1, null);
  }

  /**
   * @return this configuration with another rate limit
   */
  public RegistryConfig withRateLimit(double perSecond, int burst) {
    return new RegistryConfig(
        tableName,
        dynamoDbEndpoint,
        region,
        dataDir,
        urlPolicy,
        indexRefresh,
        signingSecretArn,
        perSecond,
        burst,
        tokenMaxLifetime);
  }

  /**
   * @return the configuration of this process
   */
  public static RegistryConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * @param env environment variables
   * @return the configuration they describe
   * @throws IllegalArgumentException naming the variable when a value is malformed
   */
  public static RegistryConfig fromEnvironment(Map<String, String> env) {
    String table = blankToNull(env.get("TABLE_NAME"));
    String endpoint = blankToNull(env.get("DYNAMODB_ENDPOINT"));
    String policy = blankToNull(env.get("REGISTRY_URL_POLICY"));
    UrlPolicy urlPolicy;
    if (policy == null) {
      urlPolicy = table == null ? UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP : UrlPolicy.HTTPS_ONLY;
    } else {
      urlPolicy =
          switch (policy.toLowerCase(Locale.ROOT)) {
            case "https-only" -> UrlPolicy.HTTPS_ONLY;
            case "local" -> UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP;
            default ->
                throw new IllegalArgumentException(
                    "REGISTRY_URL_POLICY must be 'https-only' or 'local', got '" + policy + "'");
          };
    }
    long refreshMs;
    try {
      refreshMs = Long.parseLong(env.getOrDefault("INDEX_REFRESH_MS", "1000").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("INDEX_REFRESH_MS must be a whole number of milliseconds");
    }
    if (refreshMs < 0) {
      throw new IllegalArgumentException("INDEX_REFRESH_MS must not be negative");
    }
    double perSecond;
    int burst;
    try {
      perSecond =
          Double.parseDouble(
              env.getOrDefault("RATE_LIMIT_PER_SECOND", Double.toString(DEFAULT_RATE_PER_SECOND))
                  .trim());
      burst =
          Integer.parseInt(
              env.getOrDefault("RATE_LIMIT_BURST", Integer.toString(DEFAULT_BURST)).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "RATE_LIMIT_PER_SECOND and RATE_LIMIT_BURST must be numbers");
    }
    if (perSecond < 0 || Double.isNaN(perSecond) || burst < 1) {
      throw new IllegalArgumentException(
          "RATE_LIMIT_PER_SECOND must be >= 0 and RATE_LIMIT_BURST >= 1");
    }
    long lifetimeHours;
    try {
      lifetimeHours =
          Long.parseLong(
              env.getOrDefault(
                      "TOKEN_MAX_LIFETIME_HOURS", Long.toString(TokenService.MAX_TTL.toHours()))
                  .trim());
    } catch (NumberFormatException e) {
      lifetimeHours = -1;
    }
    if (lifetimeHours < 1 || lifetimeHours > TokenService.MAX_TTL.toHours()) {
      throw new IllegalArgumentException(
          "TOKEN_MAX_LIFETIME_HOURS must be a whole number of hours from 1 to "
              + TokenService.MAX_TTL.toHours());
    }
    return new RegistryConfig(
        table,
        endpoint == null ? null : URI.create(endpoint),
        blankToNull(env.get("AWS_REGION")),
        Path.of(env.getOrDefault("REGISTRY_DATA_DIR", ".local/data")),
        urlPolicy,
        Duration.ofMillis(refreshMs),
        blankToNull(env.get("REGISTRY_SIGNING_SECRET_ARN")),
        perSecond,
        burst,
        Duration.ofHours(lifetimeHours));
  }

  /**
   * @return a local configuration: embedded store in {@code dataDir}, loopback http allowed,
   *     signing key file in {@code dataDir}, no rate limit (one user on loopback)
   */
  public static RegistryConfig local(Path dataDir) {
    return new RegistryConfig(
        null, null, null, dataDir, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP, Duration.ofSeconds(1));
  }
}
