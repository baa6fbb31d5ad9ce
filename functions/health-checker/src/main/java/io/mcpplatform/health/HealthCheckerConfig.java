package io.mcpplatform.health;

import static io.mcpplatform.core.catalog.Arguments.blankToNull;

import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.probe.ProbeSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the health checker reads from its environment, read in this one place.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the registry's DynamoDB table (required).
 *   <li>{@code DYNAMODB_ENDPOINT}: optional endpoint override (dynalite, LocalStack).
 *   <li>{@code AWS_REGION}: region of the table (set by Lambda).
 *   <li>{@code HEALTH_CONCURRENCY}: probes at once (default 32).
 *   <li>{@code PROBE_CONNECT_TIMEOUT_MS}, {@code PROBE_TOTAL_TIMEOUT_MS}: per-probe bounds (3000,
 *       10000).
 *   <li>{@code PROBE_MAX_RESPONSE_BYTES}: bytes one probe may read (1 MiB).
 * </ul>
 *
 * <p>There is deliberately no switch to allow loopback probes here: inside Lambda, loopback is the
 * runtime's own API. Only the local system allows loopback, in code.
 *
 * @param tableName the registry table
 * @param dynamoDbEndpoint endpoint override, nullable
 * @param region AWS region, nullable
 * @param concurrency probes at once
 * @param probe probe settings (strict address policy)
 */
public record HealthCheckerConfig(
    String tableName, URI dynamoDbEndpoint, String region, int concurrency, ProbeSettings probe) {

  /** Default number of probes at once. */
  public static final int DEFAULT_CONCURRENCY = 32;

  public HealthCheckerConfig {
    if (concurrency < 1 || concurrency > 512) {
      throw new IllegalArgumentException("HEALTH_CONCURRENCY must be from 1 to 512");
    }
  }

  /**
   * @return the configuration of this process
   */
  public static HealthCheckerConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * @param env environment variables
   * @return the configuration they describe
   * @throws IllegalArgumentException naming the variable when a value is missing or malformed
   */
  public static HealthCheckerConfig fromEnvironment(Map<String, String> env) {
    String table = blankToNull(env.get("TABLE_NAME"));
    if (table == null) {
      throw new IllegalArgumentException("TABLE_NAME must name the registry table");
    }
    String endpoint = blankToNull(env.get("DYNAMODB_ENDPOINT"));
    ProbeSettings probe =
        ProbeSettings.defaults(AddressPolicy.strict())
            .withTimeouts(
                Duration.ofMillis(number(env, "PROBE_CONNECT_TIMEOUT_MS", 3_000)),
                Duration.ofMillis(number(env, "PROBE_TOTAL_TIMEOUT_MS", 10_000)))
            .withMaxResponseBytes(
                (int)
                    number(
                        env, "PROBE_MAX_RESPONSE_BYTES", ProbeSettings.DEFAULT_MAX_RESPONSE_BYTES));
    return new HealthCheckerConfig(
        table,
        endpoint == null ? null : URI.create(endpoint),
        blankToNull(env.get("AWS_REGION")),
        (int) number(env, "HEALTH_CONCURRENCY", DEFAULT_CONCURRENCY),
        probe);
  }

  /**
   * @return how much time a run keeps in hand: no probe starts with less left than this
   */
  public long reserveMillis() {
    return reserveMillis(probe);
  }

  /**
   * @return a probe's total timeout plus 3 s to record its result
   */
  public static long reserveMillis(ProbeSettings probe) {
    return probe.totalTimeout().toMillis() + 3_000;
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String raw = blankToNull(env.get(name));
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw);
      if (value > 0 && value <= Integer.MAX_VALUE) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number, got '" + raw + "'");
  }
}
