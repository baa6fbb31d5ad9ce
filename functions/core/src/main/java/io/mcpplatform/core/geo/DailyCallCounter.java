package io.mcpplatform.core.geo;

import java.time.LocalDate;

/**
 * Counts calls to a paid service per UTC day against a cap, shared by every process that calls it
 * (one item in the table on AWS), so the cap bounds the day's cost however many instances run.
 */
public interface DailyCallCounter {

  /**
   * Counts one call on a day unless that day's count has reached the cap, atomically.
   *
   * @param day the UTC day
   * @param cap the most calls the day may have, at least 0
   * @return true when the call was counted and may go ahead, false when the day's calls are used up
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the count cannot be read or
   *     written now
   */
  boolean tryCount(LocalDate day, long cap);
}
