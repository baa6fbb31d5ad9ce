package io.mcpplatform.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerEntrySupersedesTest {

  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

  private static ServerEntry entry(long revision, Instant checkedAt) {
    Health health =
        checkedAt == null
            ? Health.UNKNOWN
            : new Health(HealthStatus.HEALTHY, checkedAt, 5L, "2025-06-18", 0, null);
    return ServerEntry.builder("maps", "Maps", "1.0.0")
        .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, "https://maps.example.com/mcp", null)))
        .health(health)
        .status(LifecycleStatus.ACTIVE)
        .publishedAt(T0)
        .updatedAt(T0)
        .revision(revision)
        .build();
  }

  @Test
  void supersedes_anything_whenThereIsNoOtherCopy() {
    assertThat(entry(1, null).supersedes(null)).isTrue();
  }

  @Test
  void supersedes_byRevision_whateverTheHealth() {
    assertThat(entry(2, null).supersedes(entry(1, T0))).isTrue();
    assertThat(entry(1, T0.plusSeconds(60)).supersedes(entry(2, null))).isFalse();
  }

  @Test
  void supersedes_byLaterHealthCheck_atTheSameRevision() {
    assertThat(entry(3, T0.plusSeconds(1)).supersedes(entry(3, T0))).isTrue();
    assertThat(entry(3, T0).supersedes(entry(3, null))).isTrue();
    assertThat(entry(3, T0).supersedes(entry(3, T0.plusSeconds(1)))).isFalse();
  }

  @Test
  void supersedes_nothing_whenItIsTheSameCopyAgain() {
    assertThat(entry(3, null).supersedes(entry(3, null))).isFalse();
    assertThat(entry(3, T0).supersedes(entry(3, T0))).isFalse();
    assertThat(entry(3, null).supersedes(entry(3, T0))).isFalse();
  }
}
