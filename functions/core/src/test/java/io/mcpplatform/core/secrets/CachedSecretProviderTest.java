package io.mcpplatform.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedSecretProviderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger reads = new AtomicInteger();
  private final SecretSource source = name -> name + "-v" + reads.incrementAndGet();

  @Test
  void get_readsTheSourceOnce_withinTheLifetime() {
    CachedSecretProvider provider =
        new CachedSecretProvider(source, "maps-key", Duration.ofMinutes(5), clock);
    assertThat(provider.get()).isEqualTo("maps-key-v1");
    clock.advance(Duration.ofMinutes(4));
    assertThat(provider.get()).isEqualTo("maps-key-v1");
    assertThat(reads).hasValue(1);
  }

  @Test
  void get_readsAgain_afterTheLifetime() {
    CachedSecretProvider provider =
        new CachedSecretProvider(source, "maps-key", Duration.ofMinutes(5), clock);
    provider.get();
    clock.advance(Duration.ofMinutes(5));
    assertThat(provider.get()).isEqualTo("maps-key-v2");
  }

  @Test
  void get_readsAgain_afterInvalidate() {
    CachedSecretProvider provider =
        new CachedSecretProvider(source, "maps-key", Duration.ofHours(1), clock);
    provider.get();
    provider.invalidate();
    assertThat(provider.get()).isEqualTo("maps-key-v2");
  }

  @Test
  void get_propagatesAndHoldsNothing_whenTheSourceFails() {
    AtomicInteger attempts = new AtomicInteger();
    SecretSource flaky =
        name -> {
          if (attempts.incrementAndGet() == 1) {
            throw new SecretUnavailableException("store down", null);
          }
          return "value";
        };
    CachedSecretProvider provider =
        new CachedSecretProvider(flaky, "maps-key", Duration.ofHours(1), clock);
    assertThatThrownBy(provider::get).isInstanceOf(SecretUnavailableException.class);
    assertThat(provider.get()).isEqualTo("value");
  }

  @Test
  void toString_namesTheSecretButNotItsValue() {
    CachedSecretProvider provider =
        new CachedSecretProvider(source, "maps-key", Duration.ofHours(1), clock);
    provider.get();
    assertThat(provider.toString()).contains("maps-key").doesNotContain("-v1");
  }
}
