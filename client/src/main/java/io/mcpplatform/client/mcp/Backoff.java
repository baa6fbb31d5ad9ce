package io.mcpplatform.client.mcp;

import java.time.Duration;

/**
 * Retry policy for connections: a fixed number of attempts, waits growing exponentially between
 * them.
 *
 * @param attempts attempts in all, at least 1
 * @param firstWait wait after the first failure
 * @param factor growth of each further wait
 * @param sleeper how to wait (tests pass one that records instead)
 */
public record Backoff(int attempts, Duration firstWait, double factor, Sleeper sleeper) {

  /** Three attempts, waiting 250 ms then 500 ms. */
  public static final Backoff DEFAULT = new Backoff(3, Duration.ofMillis(250), 2.0, Sleeper.REAL);

  /** Waits. */
  @FunctionalInterface
  public interface Sleeper {
    /** Thread.sleep. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    /**
     * @param duration how long
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  public Backoff {
    if (attempts < 1
        || factor < 1
        || firstWait == null
        || firstWait.isNegative()
        || sleeper == null) {
      throw new IllegalArgumentException(
          "attempts >= 1, factor >= 1 and a non-negative first wait are required");
    }
  }

  /**
   * @param failedAttempt attempts made so far (1 after the first failure)
   * @return the wait before the next attempt
   */
  public Duration waitAfter(int failedAttempt) {
    return Duration.ofMillis(
        Math.round(firstWait.toMillis() * Math.pow(factor, failedAttempt - 1)));
  }
}
