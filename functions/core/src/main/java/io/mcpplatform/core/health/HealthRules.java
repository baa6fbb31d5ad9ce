package io.mcpplatform.core.health;

import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.HealthStatus;
import java.time.Instant;
import java.util.List;

/**
 * How probe results turn into a server's health: healthy after one success, unhealthy after {@value
 * #FAILURES_TO_UNHEALTHY} failures in a row (a single failure leaves the former status), refused
 * when the checker would not probe the address.
 */
public final class HealthRules {

  /** Failed checks in a row that mark a server unhealthy. */
  public static final int FAILURES_TO_UNHEALTHY = 2;

  private HealthRules() {}

  /**
   * @param previous the stored health
   * @param result the new probe's result
   * @param now when the check finished
   * @param uptime share of successful checks in the recent history, nullable
   * @return the health to store
   */
  public static Health next(Health previous, ProbeResult result, Instant now, Double uptime) {
    return switch (result.outcome()) {
      case UP ->
          new Health(
              HealthStatus.HEALTHY,
              now,
              result.latencyMillis(),
              result.protocolVersion(),
              0,
              null,
              result.serverName(),
              result.serverVersion(),
              uptime);
      case REFUSED ->
          new Health(HealthStatus.REFUSED, now, null, null, 0, result.detail(), null, null, null);
      case DOWN -> {
        int failures =
            previous.status() == HealthStatus.REFUSED ? 1 : previous.consecutiveFailures() + 1;
        HealthStatus status;
        if (failures >= FAILURES_TO_UNHEALTHY) {
          status = HealthStatus.UNHEALTHY;
        } else {
          status =
              previous.status() == HealthStatus.REFUSED ? HealthStatus.UNKNOWN : previous.status();
        }
        yield new Health(
            status,
            now,
            previous.latencyMillis(),
            previous.protocolVersion(),
            failures,
            result.detail(),
            previous.serverName(),
            previous.serverVersion(),
            uptime);
      }
    };
  }

  /**
   * @param samples recent checks
   * @return the share of them that succeeded, or null when there are none
   */
  public static Double uptime(List<HealthSample> samples) {
    if (samples.isEmpty()) {
      return null;
    }
    long up = samples.stream().filter(HealthSample::up).count();
    return Math.round(up * 10_000.0 / samples.size()) / 10_000.0;
  }
}
