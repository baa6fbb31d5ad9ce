package io.mcpplatform.core.geo;

import io.mcpplatform.core.catalog.ValidationException;

/**
 * Turns place names into coordinates and coordinates into places.
 *
 * <p>Implementations are thread-safe. Arguments are expected to have passed {@link GeoInputs};
 * adapters may check them again.
 */
public interface Geocoder {

  /**
   * Forward geocoding.
   *
   * @param query a place name or address, as a person wrote it
   * @param language a BCP-47 language tag for the answer ({@code en}, {@code de}, {@code pt-BR})
   * @return the best match
   * @throws GeocodeNotFoundException when nothing matches
   * @throws GeocoderUnavailableException when the geocoder cannot answer now
   * @throws ValidationException when an argument breaks the rules of {@link GeoInputs}
   */
  GeocodeResult geocode(String query, String language);

  /**
   * Reverse geocoding.
   *
   * @param latitude degrees, -90..90
   * @param longitude degrees, -180..180
   * @param language a BCP-47 language tag for the answer
   * @return the address or nearest known place of the point
   * @throws GeocodeNotFoundException when nothing is known there
   * @throws GeocoderUnavailableException when the geocoder cannot answer now
   * @throws ValidationException when an argument breaks the rules of {@link GeoInputs}
   */
  GeocodeResult reverse(double latitude, double longitude, String language);
}
