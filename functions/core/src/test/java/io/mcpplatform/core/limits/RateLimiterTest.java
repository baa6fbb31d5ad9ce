package io.mcpplatform.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets: a burst, then a wait; callers apart; recovery as time passes. */
class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(2, 3, nanos::get);

  @Test
  void acquire_allowsBurst_thenAsksToWait_thenRecovers() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);

    nanos.addAndGet(500_000_000L);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);

    nanos.addAndGet(10_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void acquire_keepsCallersApart() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    assertThat(limiter.acquire("a")).isPositive();
    assertThat(limiter.acquire("b")).isZero();
  }

  @Test
  void unlimited_neverRefuses() {
    for (int i = 0; i < 1000; i++) {
      assertThat(RateLimiter.UNLIMITED.acquire("a")).isZero();
    }
    assertThat(RateLimiter.UNLIMITED.enabled()).isFalse();
  }
}
