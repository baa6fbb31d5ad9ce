package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.FallbackGeocoder;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.GeocoderUnavailableException;
import io.mcpplatform.core.geo.GeocoderUnavailableException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MapsToolsTest {

  private static final GeocodeResult GOOGLE_PARIS =
      new GeocodeResult(
          "Paris, France",
          48.856614,
          2.3522219,
          "ChIJD7fiBh9u5kcRYJSMaMOCCwQ",
          null,
          List.of(
              new AddressComponent("Paris", "Paris", List.of("locality", "political")),
              new AddressComponent("France", "FR", List.of("country", "political"))),
          GeocodeResult.SOURCE_GOOGLE,
          null,
          null);

  private static GeocodeResult offline(String address) {
    return new GeocodeResult(
        address,
        48.85341,
        2.3488,
        "geonames:2988507",
        null,
        List.of(new AddressComponent("Paris", null, List.of("locality"))),
        GeocodeResult.SOURCE_OFFLINE,
        null,
        null);
  }

  private static MapsHandler handler(Geocoder geocoder) {
    return new MapsHandler(new MapsApp(geocoder, null));
  }

  @Test
  void getLocation_writesTheSeedText_andNamesGoogleAsSource() {
    JsonNode result =
        McpCalls.call(handler(new Stub(GOOGLE_PARIS)), "get_location", Map.of("location", "Paris"));

    assertThat(result.get("isError").asBoolean()).isFalse();
    assertThat(result.at("/content/0/text").asString())
        .isEqualTo(
            """
        Location Information:
        Address: Paris, France
        Coordinates: 48.856614, 2.3522219
        Place ID: ChIJD7fiBh9u5kcRYJSMaMOCCwQ
        Map URL: https://www.google.com/maps/search/?api=1&query=48.856614,2.352222
        Source: Google Geocoding API

        Address Components:
          - Paris (locality, political)
          - France (country, political)""");
    assertThat(result.at("/structuredContent/place/source").asString()).isEqualTo("google");
    assertThat(result.at("/structuredContent/place/placeId").asString())
        .isEqualTo("ChIJD7fiBh9u5kcRYJSMaMOCCwQ");
  }

  @Test
  void getLocation_saysTheFallbackAnswered_whenGoogleTimesOut() {
    Geocoder timingOut =
        new Stub(
            new GeocoderUnavailableException(Reason.TIMEOUT, "Google Geocoding did not answer"));
    Geocoder geocoder =
        new FallbackGeocoder(
            timingOut, MapsApp.GOOGLE, new Stub(offline("Paris, France")), MapsApp.OFFLINE);

    JsonNode result = McpCalls.call(handler(geocoder), "get_location", Map.of("location", "Paris"));

    assertThat(result.get("isError").asBoolean()).isFalse();
    assertThat(result.at("/content/0/text").asString())
        .contains(
            "Source: offline gazetteer (GeoNames, CC BY 4.0)\nNote: Google Geocoding did not answer (timed out)");
    assertThat(result.at("/structuredContent/place/source").asString())
        .isEqualTo("offline-geonames");
    assertThat(result.at("/structuredContent/place/note").asString())
        .contains("the offline gazetteer");
  }

  @Test
  void getLocation_isAnErrorWithTheActionableMessage_whenTheGeocoderIsUnavailable() {
    String message =
        "Google Geocoding's query quota is used up; raise it in the Google Cloud console or wait.";
    Geocoder quota = new Stub(new GeocoderUnavailableException(Reason.QUOTA_EXCEEDED, message));

    JsonNode result = McpCalls.call(handler(quota), "get_location", Map.of("location", "Paris"));

    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asString()).isEqualTo(message);
    assertThat(result.has("structuredContent")).isFalse();
  }

  @Test
  void getLocation_namesTheField_whenTheLocationIsBlank() {
    JsonNode result =
        McpCalls.call(handler(new Stub(GOOGLE_PARIS)), "get_location", Map.of("location", "   "));

    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asString())
        .startsWith("Invalid arguments: location: is required");
  }

  @Test
  void finding9_numericArgumentsOutOfRange_answerPlainFieldMessages_withoutParserInternals() {
    for (Map.Entry<Object, String> c :
        Map.<Object, String>of(
                1e308,
                "latitude must be a number from -90 to 90",
                -1e308,
                "latitude must be a number from -90 to 90",
                91,
                "latitude must be a number from -90 to 90",
                "north",
                "latitude must be a number from -90 to 90")
            .entrySet()) {
      JsonNode result =
          McpCalls.call(
              handler(new Stub(GOOGLE_PARIS)),
              "reverse_geocode",
              Map.of("latitude", c.getKey(), "longitude", 2.35));

      String text = result.at("/content/0/text").asString();
      assertThat(result.get("isError").asBoolean()).as(text).isTrue();
      assertThat(text)
          .as(String.valueOf(c.getKey()))
          .contains(c.getValue())
          .doesNotContain("Node", "asLong", "asDouble", "$.", "JSON Schema", "Exception");
    }
  }

  @Test
  void getLocation_namesTheField_whenTheLanguageIsNotATag() {
    JsonNode result =
        McpCalls.call(
            handler(new Stub(GOOGLE_PARIS)),
            "get_location",
            Map.of("location", "Paris", "language", "english please"));

    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asString())
        .startsWith("Invalid arguments: language: must be a language tag");
  }

  @Test
  void getLocation_passesTheLanguageOn_andDefaultsItToEnglish() {
    Stub stub = new Stub(GOOGLE_PARIS);
    McpCalls.call(handler(stub), "get_location", Map.of("location", "Paris", "language", "de"));
    assertThat(stub.lastLanguage).isEqualTo("de");
    McpCalls.call(handler(stub), "get_location", Map.of("location", "Paris"));
    assertThat(stub.lastLanguage).isEqualTo("en");
  }

  @Test
  void reverseGeocode_isAnOrdinaryResult_whenNothingIsKnownThere() {
    Geocoder none = new Stub(GeocodeNotFoundException.forPoint(1.5, 2.5));

    JsonNode result =
        McpCalls.call(handler(none), "reverse_geocode", Map.of("latitude", 1.5, "longitude", 2.5));

    assertThat(result.get("isError").asBoolean()).isFalse();
    assertThat(result.at("/content/0/text").asString())
        .isEqualTo("Could not find address for coordinates: 1.5, 2.5");
    assertThat(result.at("/structuredContent/found").asBoolean()).isFalse();
  }

  @Test
  void reverseGeocode_givesTheAskedPointAndTheGoogleAddress() {
    Stub stub = new Stub(GOOGLE_PARIS);
    JsonNode result =
        McpCalls.call(
            handler(stub),
            "reverse_geocode",
            Map.of("latitude", 48.856614, "longitude", 2.3522219, "language", "fr"));

    assertThat(result.at("/content/0/text").asString())
        .startsWith(
            """
        Reverse Geocoding Result:
        Coordinates: 48.856614, 2.3522219
        Address: Paris, France
        Place ID: ChIJD7fiBh9u5kcRYJSMaMOCCwQ
        Map URL: """)
        .doesNotContain("Nearest known place");
    assertThat(result.at("/structuredContent/latitude").asDouble()).isEqualTo(48.856614);
    assertThat(stub.lastLanguage).isEqualTo("fr");
  }

  @Test
  void reverseGeocode_namesTheField_whenLongitudeIsOutOfRange() {
    JsonNode result =
        McpCalls.call(
            handler(new Stub(GOOGLE_PARIS)),
            "reverse_geocode",
            Map.of("latitude", 10, "longitude", -181));

    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asString()).contains("longitude").contains("180");
  }

  /** Answers every question with one result, or throws one failure; remembers the language. */
  private static final class Stub implements Geocoder {
    private final GeocodeResult result;
    private final RuntimeException failure;
    volatile String lastLanguage;

    Stub(GeocodeResult result) {
      this.result = result;
      this.failure = null;
    }

    Stub(RuntimeException failure) {
      this.result = null;
      this.failure = failure;
    }

    @Override
    public GeocodeResult geocode(String query, String language) {
      return answer(language);
    }

    @Override
    public GeocodeResult reverse(double latitude, double longitude, String language) {
      return answer(language);
    }

    private GeocodeResult answer(String language) {
      lastLanguage = language;
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }
}
