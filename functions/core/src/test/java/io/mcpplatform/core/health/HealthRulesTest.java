package io.mcpplatform.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.HealthStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final ProbeResult UP =
      new ProbeResult(
          ProbeOutcome.UP,
          12L,
          "2025-06-18",
          "srv",
          "1.0",
          List.of(new Capability("ping", Capability.TOOL, null)),
          null);
  private static final ProbeResult DOWN = ProbeResult.down("connection refused", 3L);
  private static final Health HEALTHY =
      new Health(
          HealthStatus.HEALTHY,
          NOW.minusSeconds(300),
          9L,
          "2025-06-18",
          0,
          null,
          "srv",
          "1.0",
          1.0);

  @Test
  void next_marksHealthy_afterOneSuccess() {
    Health unhealthy =
        new Health(HealthStatus.UNHEALTHY, NOW.minusSeconds(300), null, null, 5, "timeout");

    Health next = HealthRules.next(unhealthy, UP, NOW, 0.5);

    assertThat(next)
        .isEqualTo(
            new Health(HealthStatus.HEALTHY, NOW, 12L, "2025-06-18", 0, null, "srv", "1.0", 0.5));
  }

  @Test
  void next_keepsHealthy_afterOneFailure() {
    Health next = HealthRules.next(HEALTHY, DOWN, NOW, 0.9);

    assertThat(next.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(next.consecutiveFailures()).isEqualTo(1);
    assertThat(next.detail()).isEqualTo("connection refused");
    assertThat(next.latencyMillis()).isEqualTo(9L);
  }

  @Test
  void next_marksUnhealthy_afterTwoConsecutiveFailures() {
    Health once = HealthRules.next(HEALTHY, DOWN, NOW, null);
    Health twice = HealthRules.next(once, DOWN, NOW.plusSeconds(300), null);

    assertThat(twice.status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(twice.consecutiveFailures()).isEqualTo(2);
  }

  @Test
  void next_keepsUnknown_afterFirstFailureOfNewServer() {
    assertThat(HealthRules.next(Health.UNKNOWN, DOWN, NOW, 0.0).status())
        .isEqualTo(HealthStatus.UNKNOWN);
  }

  @Test
  void next_reportsRefused_notUnhealthy() {
    Health next = HealthRules.next(HEALTHY, ProbeResult.refused("private address"), NOW, null);

    assertThat(next.status()).isEqualTo(HealthStatus.REFUSED);
    assertThat(next.consecutiveFailures()).isZero();
    assertThat(next.detail()).isEqualTo("private address");
  }

  @Test
  void next_startsCountingAgain_whenRefusedServerFails() {
    Health refused = new Health(HealthStatus.REFUSED, NOW, null, null, 0, "private address");

    Health next = HealthRules.next(refused, DOWN, NOW.plusSeconds(1), null);

    assertThat(next.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(next.consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void uptime_isShareOfSuccessfulSamples() {
    List<HealthSample> samples =
        List.of(
            new HealthSample(NOW, true, 1L),
            new HealthSample(NOW, false, null),
            new HealthSample(NOW, true, 1L));

    assertThat(HealthRules.uptime(samples)).isEqualTo(0.6667);
    assertThat(HealthRules.uptime(List.of())).isNull();
  }
}
