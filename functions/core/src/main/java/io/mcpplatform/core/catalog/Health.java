package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * What the registry knows of a server's health. Written only by health checks, never by a
 * registration.
 *
 * @param status healthy, unhealthy, unknown, or refused (the checker will not probe the server's
 *     address)
 * @param checkedAt when the last check finished, nullable (never checked)
 * @param latencyMillis latency of the last successful check, nullable
 * @param protocolVersion MCP protocol version negotiated by the last successful check, nullable
 * @param consecutiveFailures failed checks in a row
 * @param detail a short human-readable reason for the status, nullable
 * @param serverName the name the server gave in its last successful {@code initialize}, nullable
 * @param serverVersion the version the server gave in its last successful {@code initialize},
 *     nullable
 * @param uptime share of successful checks over the recent history (24 hours), 0 to 1, nullable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(
    @JsonProperty("status") HealthStatus status,
    @JsonProperty("checkedAt") Instant checkedAt,
    @JsonProperty("latencyMillis") Long latencyMillis,
    @JsonProperty("protocolVersion") String protocolVersion,
    @JsonProperty("consecutiveFailures") int consecutiveFailures,
    @JsonProperty("detail") String detail,
    @JsonProperty("serverName") String serverName,
    @JsonProperty("serverVersion") String serverVersion,
    @JsonProperty("uptime") Double uptime) {

  /** Health of a server that has never been checked. */
  public static final Health UNKNOWN = new Health(HealthStatus.UNKNOWN, null, null, null, 0, null);

  public Health {
    Objects.requireNonNull(status, "status");
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("consecutiveFailures must not be negative");
    }
    if (uptime != null && (uptime.isNaN() || uptime < 0 || uptime > 1)) {
      throw new IllegalArgumentException("uptime must be between 0 and 1");
    }
  }

  /** Health without server identity or uptime (written before probes learnt them). */
  public Health(
      HealthStatus status,
      Instant checkedAt,
      Long latencyMillis,
      String protocolVersion,
      int consecutiveFailures,
      String detail) {
    this(
        status,
        checkedAt,
        latencyMillis,
        protocolVersion,
        consecutiveFailures,
        detail,
        null,
        null,
        null);
  }
}
