package io.mcpplatform.core.geo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key under which a geocoding answer is cached: the normalized question and the language, so
 * that {@code " Paris "} and {@code "paris"} share one entry.
 *
 * @param value the key text, at most a few hundred characters
 */
public record GeocodeCacheKey(String value) {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  public GeocodeCacheKey {
    Objects.requireNonNull(value, "value");
  }

  /**
   * @param query a place name as asked
   * @param language the answer language
   * @return the key of a forward question
   */
  public static GeocodeCacheKey forward(String query, String language) {
    return new GeocodeCacheKey("fwd|" + normalize(language) + "|" + normalize(query));
  }

  /**
   * @param latitude degrees
   * @param longitude degrees
   * @param language the answer language
   * @return the key of a reverse question; coordinates are rounded to 6 decimals (about 0.1 m)
   */
  public static GeocodeCacheKey reverse(double latitude, double longitude, String language) {
    return new GeocodeCacheKey(
        String.format(Locale.ROOT, "rev|%s|%.6f,%.6f", normalize(language), latitude, longitude));
  }

  /**
   * NFKC, trimmed, runs of white space collapsed to one space, lower case.
   *
   * @param text any text
   * @return the normalized text
   */
  public static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return SPACES.matcher(nfkc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
