package io.mcpplatform.core.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import java.util.List;
import java.util.Objects;

/**
 * The answer of one health check: what the probe saw and the health the registry now records.
 *
 * @param serverId the checked server's name
 * @param outcome up, down or refused
 * @param health the health stored after the check (status, latency, uptime...)
 * @param discovered tools and resources the server listed, empty unless up
 * @param detail why the probe failed or was refused, nullable
 * @param recorded false when the probe's result was not recorded (a check by someone other than the
 *     server's owner or an admin: {@code health} is then the stored health, unchanged); null when
 *     recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthReport(
    @JsonProperty("server_id") String serverId,
    @JsonProperty("outcome") ProbeOutcome outcome,
    @JsonProperty("health") Health health,
    @JsonProperty("discovered") List<Capability> discovered,
    @JsonProperty("detail") String detail,
    @JsonProperty("recorded") Boolean recorded) {

  public HealthReport {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(health, "health");
    discovered = discovered == null ? List.of() : List.copyOf(discovered);
    recorded = Boolean.FALSE.equals(recorded) ? Boolean.FALSE : null;
  }

  /** A report of a check whose result was recorded. */
  public HealthReport(
      String serverId,
      ProbeOutcome outcome,
      Health health,
      List<Capability> discovered,
      String detail) {
    this(serverId, outcome, health, discovered, detail, null);
  }

  /**
   * @return one line for people, in the seed's words
   */
  public String message() {
    if (Boolean.FALSE.equals(recorded)) {
      return "Server health probe complete (not recorded: only the server's owner or an admin records checks)."
          + " Outcome: "
          + outcome.wire()
          + (detail == null ? "" : " (" + detail + ")")
          + "; recorded status: "
          + health.status().wire();
    }
    StringBuilder b =
        new StringBuilder("Server health check complete. Status: ").append(health.status().wire());
    if (outcome == ProbeOutcome.UP) {
      b.append(" (")
          .append(health.latencyMillis())
          .append(" ms, protocol ")
          .append(health.protocolVersion())
          .append(", ")
          .append(discovered.size())
          .append(" capabilities)");
    } else if (detail != null) {
      b.append(" (").append(outcome.wire()).append(": ").append(detail).append(')');
    }
    return b.toString();
  }
}
