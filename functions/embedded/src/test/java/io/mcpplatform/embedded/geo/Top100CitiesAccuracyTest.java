package io.mcpplatform.embedded.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The 100 most populous cities, looked up by name alone, must land within 25 km of their centre for
 * at least 95 of them. Reference coordinates come from another data set than the gazetteer
 * (SimpleMaps, see the file's header).
 */
class Top100CitiesAccuracyTest {

  private static final double MAX_KM = 25;

  @Test
  void geocode_landsWithin25KmOfTheTrueCentre_forAtLeast95OfThe100LargestCities()
      throws IOException {
    List<String[]> cities = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/geo/top100-cities.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          cities.add(line.split("\t"));
        }
      }
    }
    assertThat(cities).hasSize(100);
    List<String> misses = new ArrayList<>();
    for (String[] city : cities) {
      double lat = Double.parseDouble(city[3]);
      double lon = Double.parseDouble(city[4]);
      try {
        GeocodeResult r = OfflineGeocoderTest.GEOCODER.geocode(city[1], "en");
        double km = SphereKdTree.distanceKm(lat, lon, r.latitude(), r.longitude());
        if (km > MAX_KM) {
          misses.add(
              String.format(
                  Locale.ROOT,
                  "%s (%s): %s at %.0f km",
                  city[1],
                  city[2],
                  r.formattedAddress(),
                  km));
        }
      } catch (GeocodeNotFoundException e) {
        misses.add(city[1] + " (" + city[2] + "): not found");
      }
    }
    assertThat(misses)
        .as("cities farther than %s km from their centre", MAX_KM)
        .hasSizeLessThanOrEqualTo(5);
  }
}
