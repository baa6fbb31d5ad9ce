package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.core.testing.ProxyResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds every file in {@code events/maps/} through the maps Lambda handler, as {@code sam local
 * invoke} would, with the offline gazetteer (no key, no network), and checks each answer. A new
 * event file without an expectation here fails the suite.
 */
class MapsHandlerEventsTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static MapsHandler handler;

  private final Map<String, Consumer<ProxyResponse>> expectations =
      Map.ofEntries(
          Map.entry(
              "initialize.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.rpc.at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");
                assertThat(r.rpc.at("/result/serverInfo/name").asString())
                    .isEqualTo(MapsApp.SERVER_NAME);
                assertThat(r.rpc.at("/result/capabilities/tools").isObject()).isTrue();
              }),
          Map.entry(
              "tools-list.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                List<String> names = new ArrayList<>();
                r.rpc
                    .at("/result/tools")
                    .forEach(
                        t -> {
                          names.add(t.get("name").asString());
                          assertThat(t.get("outputSchema").isObject())
                              .as("outputSchema of %s", t.get("name"))
                              .isTrue();
                          assertThat(t.at("/annotations/readOnlyHint").asBoolean()).isTrue();
                        });
                assertThat(names).containsExactly("get_location", "reverse_geocode");
                JsonNode reverse = r.rpc.at("/result/tools/1/inputSchema");
                assertThat(reverse.at("/properties/latitude/minimum").asInt()).isEqualTo(-90);
                assertThat(reverse.at("/properties/latitude/maximum").asInt()).isEqualTo(90);
                assertThat(reverse.at("/properties/longitude/minimum").asInt()).isEqualTo(-180);
                assertThat(reverse.at("/properties/longitude/maximum").asInt()).isEqualTo(180);
                assertThat(reverse.at("/required").toString())
                    .isEqualTo("[\"latitude\",\"longitude\"]");
                assertThat(
                        r.rpc
                            .at("/result/tools/0/inputSchema/properties/language/default")
                            .asString())
                    .isEqualTo("en");
              }),
          Map.entry(
              "get-location.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isFalse();
                assertThat(r.text())
                    .startsWith("Location Information:\nAddress: Paris, Île-de-France, France\n")
                    .contains(
                        "Coordinates: 48.85",
                        "Place ID: geonames:2988507",
                        "Map URL: https://www.google.com/maps/search/?api=1&query=48.85",
                        "Source: offline gazetteer (GeoNames, CC BY 4.0)",
                        "Address Components:\n  - Paris (locality, political)",
                        "  - France (country, political)");
                assertThat(r.structured().at("/found").asBoolean()).isTrue();
                assertThat(r.structured().at("/place/source").asString())
                    .isEqualTo("offline-geonames");
                assertThat(r.structured().at("/place/latitude").asDouble()).isBetween(48.8, 48.9);
                assertThat(r.structured().at("/place/components/2/shortName").asString())
                    .isEqualTo("FR");
              }),
          Map.entry(
              "get-location-progress.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.contentType).startsWith("text/event-stream");
                assertThat(r.events).extracting(Map.Entry::getKey).containsExactly("1", "2", "3");
                JsonNode sent = r.events.get(0).getValue();
                assertThat(sent.at("/method").asString()).isEqualTo("notifications/progress");
                assertThat(sent.at("/params/progressToken").asString()).isEqualTo("get-location-1");
                assertThat(sent.at("/params/message").asString())
                    .isEqualTo("Geocoding request sent");
                assertThat(r.events.get(1).getValue().at("/params/message").asString())
                    .isEqualTo("Answer received from offline gazetteer (GeoNames, CC BY 4.0)");
                assertThat(r.rpc.at("/id").asInt()).isEqualTo(4);
                assertThat(r.structured().at("/place/formattedAddress").asString())
                    .isEqualTo("Paris, Île-de-France, France");
              }),
          Map.entry(
              "legacy-sse-get.json",
              r -> {
                assertThat(r.status).isEqualTo(400);
                assertThat(r.rpc.at("/error/message").asString())
                    .contains(
                        "legacy HTTP+SSE transport needs a long-lived",
                        "https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/maps/mcp");
              }),
          Map.entry(
              "get-location-qualified.json",
              r -> {
                assertThat(r.isError()).isFalse();
                assertThat(r.text()).contains("Address: Paris, Texas, United States");
                assertThat(r.structured().at("/place/longitude").asDouble())
                    .isBetween(-96.0, -95.0);
                assertThat(r.structured().at("/place/components/1/shortName").asString())
                    .isEqualTo("TX");
              }),
          Map.entry(
              "get-location-http-api-v2.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isFalse();
                assertThat(r.structured().at("/place/formattedAddress").asString())
                    .isEqualTo("Tokyo, Japan");
              }),
          Map.entry(
              "reverse-geocode.json",
              r -> {
                assertThat(r.isError()).isFalse();
                assertThat(r.text())
                    .startsWith(
                        "Reverse Geocoding Result:\nCoordinates: 48.8584, 2.2945\nAddress: Paris, ")
                    .contains(
                        "Place ID: geonames:",
                        "km from the coordinates",
                        "Source: offline gazetteer");
                assertThat(r.structured().at("/found").asBoolean()).isTrue();
                assertThat(r.structured().at("/latitude").asDouble()).isEqualTo(48.8584);
                assertThat(r.structured().at("/place/distanceKm").asDouble()).isBetween(0.0, 10.0);
                assertThat(r.structured().at("/place/components/2/longName").asString())
                    .isEqualTo("France");
              }),
          Map.entry(
              "bad-arguments.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isTrue();
                assertThat(r.text()).contains("latitude").contains("90");
              }),
          Map.entry(
              "bad-arguments-missing-location.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isTrue();
                assertThat(r.text()).contains("location").contains("required");
              }),
          Map.entry(
              "not-found.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isFalse();
                assertThat(r.text())
                    .startsWith("Could not find location: Qwxzv Blorptown Zzyzzyq.");
                assertThat(r.structured().at("/found").asBoolean()).isFalse();
                assertThat(r.structured().has("place")).isFalse();
              }));

  @BeforeAll
  static void start() {
    handler = new MapsHandler(MapsApp.local());
  }

  @Test
  void everyEventFile_hasAnExpectation() {
    assertThat(EventFiles.names("maps")).containsExactlyInAnyOrderElementsOf(expectations.keySet());
  }

  @Test
  void everyEventFile_answersAsExpected_withoutStackTraces() throws IOException {
    for (String name : EventFiles.names("maps")) {
      ProxyResponse response = invoke(name);
      assertThat(response.raw)
          .as(name)
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("java.");
      expectations.get(name).accept(response);
    }
  }

  private static ProxyResponse invoke(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(EventFiles.read("maps", name)), out, (Context) null);
    return new ProxyResponse(name, out.toString(StandardCharsets.UTF_8));
  }
}
