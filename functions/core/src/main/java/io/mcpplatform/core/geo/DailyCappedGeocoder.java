package io.mcpplatform.core.geo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a daily cap on a paid geocoder: each question it would answer is first counted in a {@link
 * DailyCallCounter}; once the UTC day's count reaches the cap, and while the counter cannot be
 * read, the fallback answers instead with a note saying why. The cap is therefore a ceiling on the
 * day's paid calls (retries inside the paid geocoder aside), whatever the traffic. Place it behind
 * the answer cache so that cache hits cost nothing; noted answers are not cached.
 */
public final class DailyCappedGeocoder implements Geocoder {

  private static final Logger LOG = LoggerFactory.getLogger(DailyCappedGeocoder.class);

  private final Geocoder paid;
  private final String paidName;
  private final Geocoder fallback;
  private final String fallbackName;
  private final DailyCallCounter counter;
  private final long cap;
  private final Clock clock;
  private volatile LocalDate reportedDay;

  /**
   * @param paid the geocoder whose calls are counted
   * @param paidName how notes name it ({@code Google Geocoding})
   * @param fallback the geocoder that answers past the cap
   * @param fallbackName how notes name it ({@code the offline gazetteer})
   * @param counter where the day's calls are counted
   * @param cap the most paid calls a UTC day may have, at least 0
   * @param clock the time source
   */
  public DailyCappedGeocoder(
      Geocoder paid,
      String paidName,
      Geocoder fallback,
      String fallbackName,
      DailyCallCounter counter,
      long cap,
      Clock clock) {
    this.paid = Objects.requireNonNull(paid, "paid");
    this.paidName = Objects.requireNonNull(paidName, "paidName");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.fallbackName = Objects.requireNonNull(fallbackName, "fallbackName");
    this.counter = Objects.requireNonNull(counter, "counter");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (cap < 0) {
      throw new IllegalArgumentException("cap must not be negative");
    }
    this.cap = cap;
  }

  @Override
  public GeocodeResult geocode(String query, String language) {
    String refusal = admit();
    return refusal == null
        ? paid.geocode(query, language)
        : noted(fallback.geocode(query, language), refusal);
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    String refusal = admit();
    return refusal == null
        ? paid.reverse(latitude, longitude, language)
        : noted(fallback.reverse(latitude, longitude, language), refusal);
  }

  /**
   * @return null when the call may go to the paid geocoder, else why not
   */
  private String admit() {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      if (counter.tryCount(day, cap)) {
        return null;
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "the daily count of {} calls could not be checked ({}); answering from {}",
          paidName,
          e.getClass().getSimpleName(),
          fallbackName);
      return "The daily count of " + paidName + " calls could not be checked just now";
    }
    if (!day.equals(reportedDay)) {
      reportedDay = day;
      LOG.warn(
          "the daily cap of {} {} calls is reached for {}; answering from {} until 00:00 UTC",
          cap,
          paidName,
          day,
          fallbackName);
    }
    return "The daily cap of "
        + cap
        + " "
        + paidName
        + " calls is reached (it resets at 00:00 UTC)";
  }

  private GeocodeResult noted(GeocodeResult result, String why) {
    String note = why + "; this answer comes from " + fallbackName + " and may be less precise.";
    return result.withNote(result.note() == null ? note : note + " " + result.note());
  }
}
