package io.mcpplatform.core.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one run of the health checker did.
 *
 * @param servers active servers found
 * @param checked servers probed and recorded in this run
 * @param up probes that succeeded
 * @param down probes that failed
 * @param refused probes refused by the address policy
 * @param unhealthy checked servers now marked unhealthy
 * @param errors checks that could not be recorded (store failures)
 * @param deferred servers left for the next run because the time budget ran out
 * @param durationMillis wall time of the run
 */
public record RunSummary(
    @JsonProperty("servers") int servers,
    @JsonProperty("checked") int checked,
    @JsonProperty("up") int up,
    @JsonProperty("down") int down,
    @JsonProperty("refused") int refused,
    @JsonProperty("unhealthy") int unhealthy,
    @JsonProperty("errors") int errors,
    @JsonProperty("deferred") int deferred,
    @JsonProperty("durationMillis") long durationMillis) {

  /**
   * @return true when every server found was checked
   */
  public boolean complete() {
    return deferred == 0;
  }
}
