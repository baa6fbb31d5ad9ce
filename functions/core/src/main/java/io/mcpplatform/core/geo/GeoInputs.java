package io.mcpplatform.core.geo;

import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.ValidationException;
import java.util.regex.Pattern;

/**
 * The rules for geocoding arguments, named after the tools' argument names ({@code location},
 * {@code latitude}, {@code longitude}, {@code language}).
 */
public final class GeoInputs {

  /** The language used when none is given. */
  public static final String DEFAULT_LANGUAGE = "en";

  /** The longest accepted location, in characters. */
  public static final int MAX_LOCATION_LENGTH = 500;

  /** The longest accepted language tag. */
  public static final int MAX_LANGUAGE_LENGTH = 35;

  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  private GeoInputs() {}

  /**
   * @param location a place name or address
   * @return the location, trimmed
   * @throws ValidationException naming {@code location} when it is missing, blank, longer than
   *     {@value #MAX_LOCATION_LENGTH} characters or holds control characters
   */
  public static String location(String location) {
    if (location == null || location.isBlank()) {
      throw ValidationException.of(
          "location", "is required: a place name or address, such as \"Eiffel Tower, Paris\"");
    }
    String trimmed = location.strip();
    if (trimmed.length() > MAX_LOCATION_LENGTH) {
      throw ValidationException.of(
          "location",
          "is "
              + trimmed.length()
              + " characters long; at most "
              + MAX_LOCATION_LENGTH
              + " are accepted");
    }
    if (CONTROL.matcher(trimmed).find()) {
      throw ValidationException.of("location", "must not contain control characters");
    }
    return trimmed;
  }

  /**
   * @param language a BCP-47 language tag, or null or blank for {@value #DEFAULT_LANGUAGE}
   * @return the tag, trimmed, or the default
   * @throws ValidationException naming {@code language} when it is not a language tag
   */
  public static String language(String language) {
    if (language == null || language.isBlank()) {
      return DEFAULT_LANGUAGE;
    }
    String trimmed = language.strip();
    if (trimmed.length() > MAX_LANGUAGE_LENGTH || !LANGUAGE.matcher(trimmed).matches()) {
      throw ValidationException.of(
          "language",
          "must be a language tag such as \"en\", \"de\" or \"pt-BR\" (at most "
              + MAX_LANGUAGE_LENGTH
              + " characters)");
    }
    return trimmed;
  }

  /**
   * Checks a point, reporting both coordinates at once when both are wrong.
   *
   * @param latitude degrees, or null when missing
   * @param longitude degrees, or null when missing
   * @throws ValidationException naming {@code latitude} and/or {@code longitude}
   */
  public static void point(Double latitude, Double longitude) {
    FieldChecks checks = new FieldChecks();
    coordinate(checks, "latitude", latitude, 90);
    coordinate(checks, "longitude", longitude, 180);
    checks.throwIfAny();
  }

  private static void coordinate(FieldChecks checks, String field, Double value, double limit) {
    if (value == null) {
      checks.fail(field, "is required: a number from " + (int) -limit + " to " + (int) limit);
    } else if (!(value >= -limit && value <= limit)) {
      checks.fail(
          field, "must be a number from " + (int) -limit + " to " + (int) limit + ", got " + value);
    }
  }
}
