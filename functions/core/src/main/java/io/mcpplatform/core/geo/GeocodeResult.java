package io.mcpplatform.core.geo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The best answer a geocoder found for one question.
 *
 * @param formattedAddress a one-line address a person can read
 * @param latitude degrees, -90..90
 * @param longitude degrees, -180..180
 * @param placeId the answering geocoder's identifier of the place (Google place id, {@code
 *     geonames:ID})
 * @param mapUrl a link that shows the place on a map
 * @param components the address parts, most specific first; never null
 * @param source which geocoder answered: {@link #SOURCE_GOOGLE} or {@link #SOURCE_OFFLINE}
 * @param note why another geocoder than the configured one answered, or null
 * @param distanceKm for a reverse lookup answered with the nearest known place, its great-circle
 *     distance from the asked point in kilometres; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeocodeResult(
    @JsonProperty("formattedAddress") String formattedAddress,
    @JsonProperty("latitude") double latitude,
    @JsonProperty("longitude") double longitude,
    @JsonProperty("placeId") String placeId,
    @JsonProperty("mapUrl") String mapUrl,
    @JsonProperty("components") List<AddressComponent> components,
    @JsonProperty("source") String source,
    @JsonProperty("note") String note,
    @JsonProperty("distanceKm") Double distanceKm) {

  /** Answered by Google's Geocoding API. */
  public static final String SOURCE_GOOGLE = "google";

  /** Answered by the offline GeoNames gazetteer shipped with the platform. */
  public static final String SOURCE_OFFLINE = "offline-geonames";

  public GeocodeResult {
    Objects.requireNonNull(formattedAddress, "formattedAddress");
    Objects.requireNonNull(placeId, "placeId");
    Objects.requireNonNull(source, "source");
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "coordinates out of range: " + latitude + ", " + longitude);
    }
    mapUrl = mapUrl == null ? mapUrl(latitude, longitude) : mapUrl;
    components = components == null ? List.of() : List.copyOf(components);
  }

  /**
   * @param latitude degrees
   * @param longitude degrees
   * @return a Google Maps search link for the coordinates, as the reference design builds it
   */
  public static String mapUrl(double latitude, double longitude) {
    return String.format(
        Locale.ROOT,
        "https://www.google.com/maps/search/?api=1&query=%.6f,%.6f",
        latitude,
        longitude);
  }

  /**
   * @param newNote why a fallback answered
   * @return this result with the note set
   */
  public GeocodeResult withNote(String newNote) {
    return new GeocodeResult(
        formattedAddress,
        latitude,
        longitude,
        placeId,
        mapUrl,
        components,
        source,
        newNote,
        distanceKm);
  }
}
