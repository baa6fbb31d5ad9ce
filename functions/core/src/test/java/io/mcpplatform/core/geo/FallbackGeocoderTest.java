package io.mcpplatform.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.geo.GeocoderUnavailableException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FallbackGeocoderTest {

  private static Geocoder failing(Reason reason) {
    return new Geocoder() {
      @Override
      public GeocodeResult geocode(String query, String language) {
        throw new GeocoderUnavailableException(reason, "primary failed: " + reason);
      }

      @Override
      public GeocodeResult reverse(double latitude, double longitude, String language) {
        throw new GeocoderUnavailableException(reason, "primary failed: " + reason);
      }
    };
  }

  private static Geocoder offline() {
    return new Geocoder() {
      @Override
      public GeocodeResult geocode(String query, String language) {
        if (query.equals("Atlantis")) {
          throw GeocodeNotFoundException.forQuery(query);
        }
        return Results.place(query, GeocodeResult.SOURCE_OFFLINE);
      }

      @Override
      public GeocodeResult reverse(double latitude, double longitude, String language) {
        return Results.place("near", GeocodeResult.SOURCE_OFFLINE);
      }
    };
  }

  @ParameterizedTest
  @EnumSource(
      value = Reason.class,
      names = {"TIMEOUT", "SERVER_ERROR", "UNREACHABLE"})
  void geocode_answersFromTheFallbackAndSaysSo_whenThePrimaryFailsTransiently(Reason reason) {
    FallbackGeocoder geocoder =
        new FallbackGeocoder(
            failing(reason), "Google Geocoding", offline(), "the offline gazetteer");
    GeocodeResult result = geocoder.geocode("Paris", "en");
    assertThat(result.source()).isEqualTo(GeocodeResult.SOURCE_OFFLINE);
    assertThat(result.note())
        .startsWith("Google Geocoding did not answer")
        .contains("the offline gazetteer");
    assertThat(geocoder.reverse(1, 2, "en").note()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = Reason.class,
      names = {"QUOTA_EXCEEDED", "ACCESS_DENIED", "INVALID_REQUEST", "BAD_RESPONSE"})
  void geocode_propagates_whenThePrimaryFailureNeedsAPerson(Reason reason) {
    FallbackGeocoder geocoder =
        new FallbackGeocoder(failing(reason), "Google Geocoding", offline(), "offline");
    assertThatThrownBy(() -> geocoder.geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void geocode_reportsThePrimaryFailure_whenTheFallbackKnowsNothing() {
    FallbackGeocoder geocoder =
        new FallbackGeocoder(failing(Reason.TIMEOUT), "Google Geocoding", offline(), "offline");
    assertThatThrownBy(() -> geocoder.geocode("Atlantis", "en"))
        .isInstanceOf(GeocoderUnavailableException.class)
        .hasMessageContaining("TIMEOUT");
  }

  @Test
  void geocode_returnsThePrimaryAnswerUntouched_whenItAnswers() {
    Geocoder google = offline();
    FallbackGeocoder geocoder =
        new FallbackGeocoder(google, "Google Geocoding", failing(Reason.TIMEOUT), "offline");
    assertThat(geocoder.geocode("Paris", "en").note()).isNull();
  }
}
