package io.mcpplatform.core.geo;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the primary geocoder and, when it times out, fails on its side or cannot be reached, asks
 * the fallback and says so in the result's note. Failures a person must fix (quota, access denied,
 * a rejected request) are not hidden behind the fallback: they propagate.
 */
public final class FallbackGeocoder implements Geocoder {

  private static final Logger LOG = LoggerFactory.getLogger(FallbackGeocoder.class);

  private final Geocoder primary;
  private final Geocoder fallback;
  private final String primaryName;
  private final String fallbackName;

  /**
   * @param primary the geocoder asked first
   * @param primaryName how the note names it ({@code Google Geocoding})
   * @param fallback the geocoder asked when the primary is unavailable for a transient reason
   * @param fallbackName how the note names it ({@code the offline gazetteer})
   */
  public FallbackGeocoder(
      Geocoder primary, String primaryName, Geocoder fallback, String fallbackName) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.primaryName = Objects.requireNonNull(primaryName, "primaryName");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.fallbackName = Objects.requireNonNull(fallbackName, "fallbackName");
  }

  @Override
  public GeocodeResult geocode(String query, String language) {
    try {
      return primary.geocode(query, language);
    } catch (GeocoderUnavailableException e) {
      if (!e.reason().isTransient()) {
        throw e;
      }
      LOG.warn("{} unavailable ({}), answering from the fallback", primaryName, e.reason());
      return fromFallback(e, () -> fallback.geocode(query, language));
    }
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    try {
      return primary.reverse(latitude, longitude, language);
    } catch (GeocoderUnavailableException e) {
      if (!e.reason().isTransient()) {
        throw e;
      }
      LOG.warn("{} unavailable ({}), answering from the fallback", primaryName, e.reason());
      return fromFallback(e, () -> fallback.reverse(latitude, longitude, language));
    }
  }

  private GeocodeResult fromFallback(
      GeocoderUnavailableException primaryFailure, Supplier<GeocodeResult> call) {
    GeocodeResult result;
    try {
      result = call.get();
    } catch (GeocodeNotFoundException | GeocoderUnavailableException e) {
      primaryFailure.addSuppressed(e);
      throw primaryFailure;
    }
    return result.withNote(
        primaryName
            + " did not answer ("
            + describe(primaryFailure.reason())
            + "); this answer comes from "
            + fallbackName
            + " and may be less precise.");
  }

  private static String describe(GeocoderUnavailableException.Reason reason) {
    return switch (reason) {
      case TIMEOUT -> "timed out";
      case SERVER_ERROR -> "server error";
      case UNREACHABLE -> "could not be reached";
      default -> reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
