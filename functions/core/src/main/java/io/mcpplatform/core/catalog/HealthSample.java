package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One health check in a server's recent history, kept for a limited time to compute uptime.
 *
 * @param checkedAt when the check finished
 * @param up whether the server answered the MCP exchange
 * @param latencyMillis how long the exchange took, nullable when the check failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthSample(
    @JsonProperty("checkedAt") Instant checkedAt,
    @JsonProperty("up") boolean up,
    @JsonProperty("latencyMillis") Long latencyMillis) {

  public HealthSample {
    Objects.requireNonNull(checkedAt, "checkedAt");
  }
}
