package io.mcpplatform.embedded.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.geo.GeocodeResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerBuilderTest {

  private static String row(
      int id,
      String name,
      String alternates,
      double lat,
      double lon,
      String code,
      String country,
      String admin1,
      int population) {
    return String.join(
        "\t",
        String.valueOf(id),
        name,
        name,
        alternates,
        String.valueOf(lat),
        String.valueOf(lon),
        "P",
        code,
        country,
        "",
        admin1,
        "",
        "",
        "",
        String.valueOf(population),
        "",
        "10",
        "Europe/Paris",
        "2020-01-01");
  }

  /**
   * @return a gazetteer file of three places, written by the builder
   */
  static byte[] smallFile() throws IOException {
    GazetteerFile.Contents data =
        GazetteerBuilder.build(
            List.of(
                row(1, "Springfield", "Capital City", 39.8, -89.64, "PPLA", "US", "IL", 114_000),
                row(2, "Springfield", "", 37.2, -93.29, "PPL", "US", "MO", 300_000),
                row(
                    3,
                    "Sprängen",
                    "Spraengen,http://example.org",
                    59.3,
                    18.0,
                    "PPL",
                    "SE",
                    "26",
                    2_000)),
            List.of("US.IL\tIllinois", "US.MO\tMissouri", "SE.26\tStockholm"),
            List.of("US\tUnited States\tUSA|United States of America", "SE\tSweden\t"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GazetteerFile.write(data, bytes);
    return bytes.toByteArray();
  }

  @Test
  void builtFile_roundTripsThroughTheReader_andAnswersForwardAndReverse() throws IOException {
    byte[] file = smallFile();
    OfflineGeocoder geocoder = new OfflineGeocoder(() -> new ByteArrayInputStream(file));

    assertThat(geocoder.load()).isEqualTo(3);
    assertThat(geocoder.geocode("Springfield", "en").formattedAddress())
        .isEqualTo("Springfield, Missouri, United States");
    assertThat(geocoder.geocode("Springfield, IL", "en").placeId()).isEqualTo("geonames:1");
    assertThat(geocoder.geocode("Springfield, Illinois, USA", "en").placeId())
        .isEqualTo("geonames:1");
    assertThat(geocoder.geocode("Spring", "en").placeId()).isEqualTo("geonames:2");
    assertThat(geocoder.geocode("capital city", "en").placeId()).isEqualTo("geonames:1");
    assertThat(geocoder.geocode("Spraengen", "en").formattedAddress())
        .isEqualTo("Sprängen, Stockholm, Sweden");
    GeocodeResult near = geocoder.reverse(39.81, -89.64, "en");
    assertThat(near.placeId()).isEqualTo("geonames:1");
    assertThat(near.distanceKm()).isCloseTo(1.11, org.assertj.core.api.Assertions.within(0.01));
  }
}
