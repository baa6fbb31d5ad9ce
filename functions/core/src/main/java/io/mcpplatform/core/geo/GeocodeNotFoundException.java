package io.mcpplatform.core.geo;

/** The geocoder understood the question but knows no place that answers it. */
public class GeocodeNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was asked, in words a person can read
   */
  public GeocodeNotFoundException(String message) {
    super(message);
  }

  /**
   * @param query the place name that matched nothing
   * @return an exception saying so
   */
  public static GeocodeNotFoundException forQuery(String query) {
    return new GeocodeNotFoundException(
        "No place found for \""
            + query
            + "\". Check the spelling or add a "
            + "country or region (\"Paris, Texas\").");
  }

  /**
   * @param latitude degrees
   * @param longitude degrees
   * @return an exception saying no address is known there
   */
  public static GeocodeNotFoundException forPoint(double latitude, double longitude) {
    return new GeocodeNotFoundException(
        "No address found for coordinates " + latitude + ", " + longitude + ".");
  }
}
