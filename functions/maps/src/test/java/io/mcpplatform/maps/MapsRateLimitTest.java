package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.limits.RateLimiter;
import io.mcpplatform.core.testing.EventFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-caller rate limit in front of the maps endpoint, through the Lambda handler and the maps
 * events.
 */
class MapsRateLimitTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicInteger geocodes = new AtomicInteger();
  private final Geocoder geocoder =
      new Geocoder() {
        @Override
        public GeocodeResult geocode(String query, String language) {
          geocodes.incrementAndGet();
          return new GeocodeResult(
              "Paris, France",
              48.85,
              2.35,
              "id",
              null,
              List.of(new AddressComponent("Paris", null, List.of("locality"))),
              GeocodeResult.SOURCE_GOOGLE,
              null,
              null);
        }

        @Override
        public GeocodeResult reverse(double latitude, double longitude, String language) {
          return geocode("", language);
        }
      };
  private final MapsHandler handler =
      new MapsHandler(new MapsApp(geocoder, null, new RateLimiter(1, 2, nanos::get)));

  private JsonNode call(String sourceIp) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(EventFiles.read("maps", "get-location.json"));
    ((ObjectNode) event.at("/requestContext/identity")).put("sourceIp", sourceIp);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, (Context) null);
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCallerPastItsBurst_gets429WithRetryAfter_andNeverReachesTheGeocoder() throws Exception {
    assertThat(call("203.0.113.10").path("statusCode").asInt()).isEqualTo(200);
    assertThat(call("203.0.113.10").path("statusCode").asInt()).isEqualTo(200);
    JsonNode limited = call("203.0.113.10");

    assertThat(limited.path("statusCode").asInt()).isEqualTo(429);
    assertThat(limited.at("/multiValueHeaders/Retry-After/0").asString()).isEqualTo("1");
    JsonNode body = JSON.readTree(limited.path("body").asString());
    assertThat(body.at("/error/code").asInt()).isEqualTo(-32000);
    assertThat(body.at("/error/message").asString()).startsWith("Rate limit exceeded");
    assertThat(geocodes.get()).isEqualTo(2);

    assertThat(call("198.51.100.7").path("statusCode").asInt()).as("another caller").isEqualTo(200);
    nanos.addAndGet(1_000_000_000L);
    assertThat(call("203.0.113.10").path("statusCode").asInt()).as("after a second").isEqualTo(200);
  }

  @Test
  void theLimit_isReadFromTheEnvironment_andOffLocally() {
    MapsConfig config =
        MapsConfig.fromEnvironment(
            Map.of(
                "RATE_LIMIT_PER_SECOND",
                "2",
                "RATE_LIMIT_BURST",
                "9",
                "GOOGLE_DAILY_CALL_CAP",
                "0"));

    assertThat(config.rateLimitPerSecond()).isEqualTo(2);
    assertThat(config.rateLimitBurst()).isEqualTo(9);
    assertThat(config.googleDailyCap()).isZero();
    assertThat(MapsConfig.fromEnvironment(Map.of()).rateLimitPerSecond())
        .isEqualTo(MapsConfig.DEFAULT_RATE_PER_SECOND);
    assertThat(MapsConfig.fromEnvironment(Map.of()).googleDailyCap())
        .isEqualTo(MapsConfig.DEFAULT_DAILY_CAP);
    assertThat(MapsConfig.local().rateLimitPerSecond()).isZero();
  }
}
