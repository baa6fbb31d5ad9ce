package io.mcpplatform.health.probe;

import java.util.concurrent.TimeUnit;

/** The time and bytes one probe may still spend. Shared by every connection of the probe. */
final class ProbeBudget {

  private final long started = System.nanoTime();
  private final long deadline;
  private final long totalMillis;
  private final long maxBytes;
  private long bytes;

  ProbeBudget(long totalMillis, long maxBytes) {
    this.totalMillis = totalMillis;
    this.deadline = started + TimeUnit.MILLISECONDS.toNanos(totalMillis);
    this.maxBytes = maxBytes;
  }

  /** @return milliseconds left, at least 1 */
  int remainingMillis() throws ProbeFailedException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw timedOut();
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  ProbeFailedException timedOut() {
    return new ProbeFailedException("no complete answer within " + totalMillis + " ms");
  }

  /** Counts bytes read from the server. */
  synchronized void consume(int n) throws ProbeFailedException {
    bytes += n;
    if (bytes > maxBytes) {
      throw new ProbeFailedException("the server sent more than " + maxBytes + " bytes");
    }
  }

  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
