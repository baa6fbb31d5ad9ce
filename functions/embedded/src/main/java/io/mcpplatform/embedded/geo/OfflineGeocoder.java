package io.mcpplatform.embedded.geo;

import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeoInputs;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.GeocoderUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A geocoder that needs no key and no network: the GeoNames places with at least 1,000 inhabitants,
 * shipped in this module (data © GeoNames, CC BY 4.0).
 *
 * <p>Forward lookups match a place's name, its alternate names and then name prefixes, accents and
 * case ignored, ranked by match quality and population; comma-separated qualifiers narrow by region
 * or country ({@code "Paris, Texas"}, {@code "Paris, TX"}, {@code "London, UK"}). Leading parts it
 * does not know (a street, a landmark) are skipped and the result's note says so. Reverse lookups
 * answer the nearby place that best covers the point and give its distance. Names come as GeoNames
 * spells them: the language argument is checked but does not change the answer.
 *
 * <p>The data is read once, on first use or on {@link #load()}, and shared by all threads.
 */
public final class OfflineGeocoder implements Geocoder {

  /** The classpath resource holding the gazetteer. */
  public static final String RESOURCE = "/geo/gazetteer.bin";

  private static final Logger LOG = LoggerFactory.getLogger(OfflineGeocoder.class);

  private final Supplier<InputStream> source;
  private volatile Gazetteer gazetteer;

  /** A geocoder over the gazetteer shipped on the classpath. */
  public OfflineGeocoder() {
    this(() -> OfflineGeocoder.class.getResourceAsStream(RESOURCE));
  }

  /**
   * @param source opens the gazetteer file; called once
   */
  public OfflineGeocoder(Supplier<InputStream> source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Reads the data now rather than on the first question (for an init phase). Safe to call
   * repeatedly.
   *
   * @return how many places were loaded
   * @throws GeocoderUnavailableException when the data cannot be read
   */
  public int load() {
    return gazetteer().placeCount();
  }

  @Override
  public GeocodeResult geocode(String query, String language) {
    String location = GeoInputs.location(query);
    GeoInputs.language(language);
    Gazetteer g = gazetteer();
    Gazetteer.Match match = g.find(location);
    if (match == null) {
      throw GeocodeNotFoundException.forQuery(location);
    }
    String note =
        match.skippedParts() == 0
            ? null
            : "Only \""
                + g.name(match.place())
                + "\" was recognised: the offline gazetteer knows cities and "
                + "towns, not streets or landmarks.";
    return result(g, match.place(), note, null);
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    GeoInputs.point(latitude, longitude);
    GeoInputs.language(language);
    Gazetteer g = gazetteer();
    Gazetteer.Nearby nearby = g.nearest(latitude, longitude);
    if (nearby == null) {
      throw GeocodeNotFoundException.forPoint(latitude, longitude);
    }
    double km = Math.round(nearby.distanceKm() * 100) / 100.0;
    return result(g, nearby.place(), null, km);
  }

  private static GeocodeResult result(Gazetteer g, int place, String note, Double distanceKm) {
    String name = g.name(place);
    List<AddressComponent> components = new ArrayList<>();
    components.add(new AddressComponent(name, name, List.of("locality", "political")));
    String admin = g.admin1Name(place);
    StringBuilder address = new StringBuilder(name);
    if (admin != null) {
      String code = g.admin1Code(place);
      String shortName = code.chars().allMatch(Character::isLetter) ? code : admin;
      components.add(
          new AddressComponent(
              admin, shortName, List.of("administrative_area_level_1", "political")));
      if (!admin.equals(name)) {
        address.append(", ").append(admin);
      }
    }
    components.add(
        new AddressComponent(
            g.countryName(place), g.countryCode(place), List.of("country", "political")));
    address.append(", ").append(g.countryName(place));
    double lat = g.latitude(place);
    double lon = g.longitude(place);
    return new GeocodeResult(
        address.toString(),
        lat,
        lon,
        "geonames:" + g.geonameId(place),
        GeocodeResult.mapUrl(lat, lon),
        components,
        GeocodeResult.SOURCE_OFFLINE,
        note,
        distanceKm);
  }

  private Gazetteer gazetteer() {
    Gazetteer g = gazetteer;
    if (g != null) {
      return g;
    }
    synchronized (this) {
      if (gazetteer == null) {
        gazetteer = read();
      }
      return gazetteer;
    }
  }

  private Gazetteer read() {
    long start = System.nanoTime();
    try (InputStream in = source.get()) {
      if (in == null) {
        throw new IOException("gazetteer resource " + RESOURCE + " is missing");
      }
      Gazetteer loaded = Gazetteer.load(in);
      LOG.info(
          "offline gazetteer loaded: {} places, {} names in {} ms",
          loaded.placeCount(),
          loaded.keyCount(),
          String.format(Locale.ROOT, "%.0f", (System.nanoTime() - start) / 1e6));
      return loaded;
    } catch (IOException | RuntimeException e) {
      LOG.error("offline gazetteer could not be loaded: {}", e.toString());
      throw new GeocoderUnavailableException(
          GeocoderUnavailableException.Reason.SERVER_ERROR,
          "The offline gazetteer could not be loaded; the maps server's package is incomplete.",
          e);
    }
  }
}
