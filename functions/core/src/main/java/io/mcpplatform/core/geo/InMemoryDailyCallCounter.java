package io.mcpplatform.core.geo;

import java.time.LocalDate;

/**
 * A {@link DailyCallCounter} for one process (the local system, tests): only the current day is
 * kept.
 */
public final class InMemoryDailyCallCounter implements DailyCallCounter {

  private LocalDate day;
  private long count;

  @Override
  public synchronized boolean tryCount(LocalDate day, long cap) {
    if (!day.equals(this.day)) {
      this.day = day;
      count = 0;
    }
    if (count >= cap) {
      return false;
    }
    count++;
    return true;
  }
}
