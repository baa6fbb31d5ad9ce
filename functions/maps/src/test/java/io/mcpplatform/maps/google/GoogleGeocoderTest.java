package io.mcpplatform.maps.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.GeocoderUnavailableException;
import io.mcpplatform.core.geo.GeocoderUnavailableException.Reason;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a loopback server answering with Google's response shapes. */
class GoogleGeocoderTest {

  private static final String KEY = "AIzaSyTEST-key-0123456789";

  private record Reply(int status, String body) {}

  private HttpServer server;
  private final List<Map<String, String>> requests =
      Collections.synchronizedList(new ArrayList<>());
  private volatile Function<Map<String, String>, Reply> replies;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger keyReads = new AtomicInteger();
  private volatile String storedKey = KEY;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/maps/api/geocode/json", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = new HashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    requests.add(query);
    Reply reply = replies.apply(query);
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String fixture(String name) {
    try (InputStream in =
        GoogleGeocoderTest.class.getResourceAsStream("/google/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private GoogleGeocoder geocoder(Duration timeout) {
    SecretSource source =
        name -> {
          keyReads.incrementAndGet();
          return storedKey;
        };
    CachedSecretProvider key =
        new CachedSecretProvider(source, "maps/google-api-key", Duration.ofMinutes(5));
    URI endpoint =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maps/api/geocode/json");
    return new GoogleGeocoder(key, endpoint, timeout);
  }

  private GoogleGeocoder geocoder() {
    return geocoder(Duration.ofSeconds(5));
  }

  private static void assertNoKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY).doesNotContain("key=");
    }
  }

  @Test
  void geocode_returnsTheFirstResultWithItsComponents_whenGoogleAnswersOk() {
    replies = q -> new Reply(200, fixture("ok"));
    GeocodeResult r = geocoder().geocode("1600 Amphitheatre Parkway, Mountain View", "de");

    assertThat(r.formattedAddress())
        .isEqualTo("1600 Amphitheatre Parkway, Mountain View, CA 94043, USA");
    assertThat(r.latitude()).isEqualTo(37.4224764);
    assertThat(r.longitude()).isEqualTo(-122.0842499);
    assertThat(r.placeId()).isEqualTo("ChIJ2eUgeAK6j4ARbn5u_wAGqWA");
    assertThat(r.source()).isEqualTo(GeocodeResult.SOURCE_GOOGLE);
    assertThat(r.mapUrl())
        .isEqualTo("https://www.google.com/maps/search/?api=1&query=37.422476,-122.084250");
    assertThat(r.components())
        .hasSize(7)
        .contains(
            new AddressComponent(
                "California", "CA", List.of("administrative_area_level_1", "political")));
    assertThat(r.toString()).doesNotContain(KEY);
    assertThat(requests)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q)
                  .containsEntry("address", "1600 Amphitheatre Parkway, Mountain View")
                  .containsEntry("language", "de")
                  .containsEntry("key", KEY);
            });
  }

  @Test
  void reverse_sendsLatLng_andReturnsTheAddress() {
    replies = q -> new Reply(200, fixture("ok"));
    GeocodeResult r = geocoder().reverse(37.4224764, -122.0842499, "en");
    assertThat(r.formattedAddress()).startsWith("1600 Amphitheatre Parkway");
    assertThat(requests.get(0)).containsEntry("latlng", "37.4224764,-122.0842499");
  }

  @Test
  void geocode_isNotFound_onZeroResults() {
    replies = q -> new Reply(200, fixture("zero_results"));
    assertThatThrownBy(() -> geocoder().geocode("Xqzzyvv", "en"))
        .isInstanceOf(GeocodeNotFoundException.class)
        .hasMessageContaining("Xqzzyvv");
    assertThatThrownBy(() -> geocoder().reverse(0, 0, "en"))
        .isInstanceOf(GeocodeNotFoundException.class);
  }

  @Test
  void geocode_rereadsTheKeyOnceAndRetries_whenGoogleDeniesAndTheKeyWasRotated() {
    replies = q -> new Reply(200, fixture("ok"));
    GoogleGeocoder geocoder = geocoder();
    geocoder.geocode("Mountain View", "en");
    assertThat(keyReads).hasValue(1);
    requests.clear();

    replies =
        q ->
            q.get("key").equals("rotated-key")
                ? new Reply(200, fixture("ok"))
                : new Reply(200, fixture("request_denied"));
    storedKey = "rotated-key";
    // the cached key is still the old one: Google denies it, the key is read again and the call
    // retried once
    GeocodeResult r = geocoder.geocode("Mountain View", "en");
    assertThat(r.placeId()).isEqualTo("ChIJ2eUgeAK6j4ARbn5u_wAGqWA");
    assertThat(keyReads).hasValue(2);
    assertThat(requests).extracting(q -> q.get("key")).containsExactly(KEY, "rotated-key");
  }

  @Test
  void geocode_isAccessDenied_whenTheReReadKeyIsDeniedToo() {
    replies = q -> new Reply(200, fixture("request_denied"));
    GoogleGeocoder geocoder = geocoder();
    assertThatThrownBy(() -> geocoder.geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
              assertThat(e.getMessage())
                  .contains("The provided API key is invalid")
                  .contains("Secrets Manager");
              assertNoKey(e);
            });
    assertThat(keyReads).hasValue(2);
    assertThat(requests).hasSize(1);
  }

  @Test
  void geocode_isQuotaExceeded_onOverQueryLimit() {
    replies = q -> new Reply(200, fixture("over_query_limit"));
    assertThatThrownBy(() -> geocoder().geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXCEEDED);
              assertThat(e.getMessage()).contains("quota").contains("rate-limit");
              assertNoKey(e);
            });
  }

  @Test
  void geocode_isInvalidRequest_onInvalidRequest() {
    replies = q -> new Reply(200, fixture("invalid_request"));
    assertThatThrownBy(() -> geocoder().geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
  }

  @Test
  void geocode_isServerError_onUnknownErrorAndHttp500() {
    replies = q -> new Reply(200, fixture("unknown_error"));
    assertThatThrownBy(() -> geocoder().geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    replies = q -> new Reply(500, "<html>Server Error</html>");
    assertThatThrownBy(() -> geocoder().geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
              assertThat(e.getMessage()).contains("HTTP 500");
              assertThat(e.reason().isTransient()).isTrue();
              assertNoKey(e);
            });
  }

  @Test
  void geocode_isBadResponse_whenTheBodyIsNotGoogleJson() {
    replies = q -> new Reply(200, "not json " + q.get("key"));
    assertThatThrownBy(() -> geocoder().geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
              assertNoKey(e);
            });
  }

  @Test
  void geocode_timesOut_whenGoogleAnswersTooLate() {
    replies =
        q -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new Reply(200, fixture("ok"));
        };
    assertThatThrownBy(() -> geocoder(Duration.ofMillis(300)).geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
              assertThat(e.reason().isTransient()).isTrue();
              assertNoKey(e);
            });
  }

  @Test
  void geocode_isUnreachable_whenNothingListens() {
    server.stop(0);
    assertThatThrownBy(() -> geocoder().geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
  }

  @Test
  void geocode_isAccessDeniedWithAnActionableMessage_whenTheKeySecretIsMissing() {
    CachedSecretProvider missing =
        new CachedSecretProvider(
            name -> {
              throw new io.mcpplatform.core.secrets.SecretNotFoundException("no secret " + name);
            },
            "maps/google-api-key",
            Duration.ofMinutes(5));
    GoogleGeocoder geocoder =
        new GoogleGeocoder(missing, URI.create("http://127.0.0.1:1/x"), Duration.ofSeconds(1));
    assertThatThrownBy(() -> geocoder.geocode("Paris", "en"))
        .isInstanceOfSatisfying(
            GeocoderUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
              assertThat(e.getMessage())
                  .contains("maps/google-api-key")
                  .contains("Secrets Manager");
            });
  }

  @Test
  void geocode_validatesBeforeCallingGoogle() {
    replies = q -> new Reply(200, fixture("ok"));
    assertThatThrownBy(() -> geocoder().geocode("", "en")).hasMessageStartingWith("location:");
    assertThatThrownBy(() -> geocoder().reverse(0, 200, "en")).hasMessageStartingWith("longitude:");
    assertThat(requests).isEmpty();
  }
}
