package io.mcpplatform.embedded.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs against the real shipped gazetteer. */
class OfflineGeocoderTest {

  static final OfflineGeocoder GEOCODER = new OfflineGeocoder();

  private static String country(GeocodeResult r) {
    return component(r, "country").shortName();
  }

  private static AddressComponent component(GeocodeResult r, String type) {
    return r.components().stream().filter(c -> c.types().contains(type)).findFirst().orElseThrow();
  }

  @Test
  void load_readsAboutOneHundredThirtyFiveThousandPlaces() {
    assertThat(GEOCODER.load()).isBetween(130_000, 145_000);
  }

  @Test
  void geocode_paris_isTheCapitalOfFrance() {
    GeocodeResult paris = GEOCODER.geocode("Paris", "en");
    assertThat(country(paris)).isEqualTo("FR");
    assertThat(paris.formattedAddress()).isEqualTo("Paris, Île-de-France, France");
    assertThat(paris.latitude()).isCloseTo(48.853, within(0.01));
    assertThat(paris.placeId()).isEqualTo("geonames:2988507");
    assertThat(paris.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(paris.mapUrl()).contains("48.853410,2.348800");
    assertThat(paris.note()).isNull();
  }

  @Test
  void geocode_parisTexas_isNarrowedByTheStateNameOrCode() {
    for (String query :
        List.of("Paris, Texas", "Paris, TX", "paris texas", "Paris, Texas, USA", "Paris TX")) {
      GeocodeResult r = GEOCODER.geocode(query, "en");
      assertThat(country(r)).as(query).isEqualTo("US");
      assertThat(component(r, "administrative_area_level_1").shortName()).as(query).isEqualTo("TX");
      assertThat(r.formattedAddress()).as(query).isEqualTo("Paris, Texas, United States");
    }
  }

  @Test
  void geocode_qualifierNamingAnotherCountry_findsNothingRatherThanTheWrongParis() {
    assertThatThrownBy(() -> GEOCODER.geocode("Paris, Japan", "en"))
        .isInstanceOf(GeocodeNotFoundException.class);
  }

  @Test
  void geocode_tokyo_andItsAlternateNames() {
    for (String query : List.of("Tokyo", "東京", "Tokio", "TOKYO ")) {
      GeocodeResult r = GEOCODER.geocode(query, "en");
      assertThat(country(r)).as(query).isEqualTo("JP");
      assertThat(r.latitude()).as(query).isCloseTo(35.69, within(0.1));
    }
  }

  @Test
  void geocode_ignoresAccents() {
    GeocodeResult accented = GEOCODER.geocode("Zürich", "de");
    GeocodeResult plain = GEOCODER.geocode("zurich", "en");
    assertThat(accented.placeId()).isEqualTo(plain.placeId());
    assertThat(country(accented)).isEqualTo("CH");
  }

  @Test
  void geocode_countryAliasesNarrow() {
    assertThat(country(GEOCODER.geocode("London, UK", "en"))).isEqualTo("GB");
    assertThat(
            component(GEOCODER.geocode("London, Ontario", "en"), "administrative_area_level_1")
                .longName())
        .isEqualTo("Ontario");
  }

  @Test
  void geocode_skipsUnknownLeadingPartsAndSaysSo() {
    GeocodeResult r = GEOCODER.geocode("Eiffel Tower, Paris", "en");
    assertThat(country(r)).isEqualTo("FR");
    assertThat(r.note()).contains("Paris").contains("not streets or landmarks");
  }

  @Test
  void geocode_fallsBackToAPrefix_whenNoNameMatches() {
    GeocodeResult r = GEOCODER.geocode("Johannesbu", "en");
    assertThat(r.formattedAddress()).startsWith("Johannesburg");
  }

  @Test
  void geocode_notFound_forNonsense() {
    assertThatThrownBy(() -> GEOCODER.geocode("Xqzzyvv Plorth", "en"))
        .isInstanceOf(GeocodeNotFoundException.class)
        .hasMessageContaining("Xqzzyvv Plorth");
  }

  @Test
  void geocode_validatesArguments() {
    assertThatThrownBy(() -> GEOCODER.geocode(" ", "en"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("location:");
    assertThatThrownBy(() -> GEOCODER.geocode("Paris", "not a tag"))
        .hasMessageStartingWith("language:");
  }

  @Test
  void reverse_eiffelTower_isParis() {
    GeocodeResult r = GEOCODER.reverse(48.85837, 2.294481, "en");
    assertThat(r.formattedAddress()).isEqualTo("Paris, Île-de-France, France");
    assertThat(r.distanceKm()).isBetween(3.0, 5.0);
  }

  @Test
  void reverse_placeCentre_isThatPlaceAtDistanceZero() {
    GeocodeResult r = GEOCODER.reverse(33.66094, -95.55551, "en");
    assertThat(r.formattedAddress()).isEqualTo("Paris, Texas, United States");
    assertThat(r.distanceKm()).isZero();
  }

  @Test
  void reverse_worksAcrossTheAntimeridianAndNearThePoles() {
    GeocodeResult fiji = GEOCODER.reverse(-16.8, 179.999, "en");
    assertThat(country(fiji)).isEqualTo("FJ");
    GeocodeResult arctic = GEOCODER.reverse(89.9, 0, "en");
    assertThat(arctic.distanceKm()).isGreaterThan(500);
  }

  @Test
  void reverse_validatesCoordinates() {
    assertThatThrownBy(() -> GEOCODER.reverse(91, 0, "en")).hasMessageStartingWith("latitude:");
  }

  @Test
  void geocoder_isSafeToShareBetweenThreads() {
    OfflineGeocoder fresh = new OfflineGeocoder();
    List<String> ids =
        IntStream.range(0, 8)
            .parallel()
            .mapToObj(i -> fresh.geocode(i % 2 == 0 ? "Paris" : "Tokyo", "en").placeId())
            .distinct()
            .toList();
    assertThat(ids).containsExactlyInAnyOrder("geonames:2988507", "geonames:1850147");
  }
}
