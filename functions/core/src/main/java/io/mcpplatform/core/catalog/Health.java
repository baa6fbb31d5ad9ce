package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * What the registry knows of a server's health. Written only by health checks, never by a registration.
 *
 * @param status healthy, unhealthy or unknown
 * @param checkedAt when the last check finished, nullable (never checked)
 * @param latencyMillis latency of the last successful check, nullable
 * @param protocolVersion MCP protocol version negotiated by the last check, nullable
 * @param consecutiveFailures failed checks in a row
 * @param detail a short human-readable reason for the status, nullable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(
    @JsonProperty("status") HealthStatus status,
    @JsonProperty("checkedAt") Instant checkedAt,
    @JsonProperty("latencyMillis") Long latencyMillis,
    @JsonProperty("protocolVersion") String protocolVersion,
    @JsonProperty("consecutiveFailures") int consecutiveFailures,
    @JsonProperty("detail") String detail) {

  /** Health of a server that has never been checked. */
  public static final Health UNKNOWN = new Health(HealthStatus.UNKNOWN, null, null, null, 0, null);

  public Health {
    Objects.requireNonNull(status, "status");
  }
}
