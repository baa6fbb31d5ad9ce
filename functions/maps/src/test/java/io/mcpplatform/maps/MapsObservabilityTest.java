package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.aws.lambda.testing.CapturedOutput;
import io.mcpplatform.core.geo.CachingGeocoder;
import io.mcpplatform.core.geo.FallbackGeocoder;
import io.mcpplatform.core.geo.InMemoryGeocodeCache;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.core.testing.ProxyResponse;
import io.mcpplatform.embedded.geo.OfflineGeocoder;
import io.mcpplatform.maps.google.GoogleGeocoder;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The maps handler as deployed, with the Google key in a secret and a loopback server speaking
 * Google Geocoding's wire format: JSON log lines carrying the request id, no key in any line, and
 * the SnapStart hooks.
 */
class MapsObservabilityTest {

  private static final String OLD_KEY = "AIzaSyOLD-key-held-in-secrets-0123";
  private static final String NEW_KEY = "AIzaSyNEW-key-held-in-secrets-4567";
  private static OfflineGeocoder offline;

  private final AtomicInteger keyReads = new AtomicInteger();
  private final List<String> keysSeen = new CopyOnWriteArrayList<>();
  private HttpServer google;
  private MapsApp app;
  private MapsHandler handler;

  @BeforeAll
  static void loadGazetteer() {
    offline = new OfflineGeocoder();
    offline.load();
  }

  @BeforeEach
  void start() throws IOException {
    google = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    google.createContext("/maps/api/geocode/json", this::answer);
    google.start();
    CachedSecretProvider key =
        new CachedSecretProvider(
            name -> keyReads.incrementAndGet() == 1 ? OLD_KEY : NEW_KEY,
            "mcp/google-maps-api-key",
            Duration.ofMinutes(5));
    GoogleGeocoder googleGeocoder =
        new GoogleGeocoder(
            key,
            URI.create(
                "http://127.0.0.1:" + google.getAddress().getPort() + "/maps/api/geocode/json"),
            Duration.ofSeconds(5));
    app =
        new MapsApp(
            new KeyGatedGeocoder(
                key,
                new CachingGeocoder(
                    new FallbackGeocoder(googleGeocoder, MapsApp.GOOGLE, offline, MapsApp.OFFLINE),
                    new InMemoryGeocodeCache(100)),
                offline,
                Duration.ofMinutes(5),
                Clock.systemUTC()),
            null);
    handler = new MapsHandler(app, LambdaObservability.withTracer(MapsHandler.SERVICE, null));
  }

  @AfterEach
  void stop() {
    google.stop(0);
  }

  /**
   * Denies the first key (as Google does for a revoked key), then fails on its side for the rotated
   * one.
   */
  private void answer(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String key = query.substring(query.indexOf("key=") + 4);
    keysSeen.add(key);
    boolean denied = key.equals(OLD_KEY);
    byte[] body = denied ? fixture("request_denied") : fixture("unknown_error");
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(denied ? 200 : 500, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void getLocation_logsJsonWithTheRequestId_andNeverTheKey_whileGoogleDeniesThenFails()
      throws Exception {
    ProxyResponse[] answer = new ProxyResponse[1];
    CapturedOutput output =
        CapturedOutput.of(() -> answer[0] = invoke("get-location.json", "req-paris"));

    assertThat(keysSeen).containsExactly(OLD_KEY, NEW_KEY);
    assertThat(answer[0].text()).contains("Source: offline gazetteer");
    assertThat(output.text())
        .doesNotContain(OLD_KEY)
        .doesNotContain(NEW_KEY)
        .doesNotContain("key=");
    List<JsonNode> logs = output.logLines();
    assertThat(logs)
        .extracting(line -> line.path("message").asString())
        .anyMatch(
            m -> m.startsWith("Google denied the request; retrying once with the re-read key"))
        .anyMatch(m -> m.startsWith("POST /maps/mcp answered 200"));
    assertThat(logs)
        .allSatisfy(
            line -> {
              assertThat(line.path("function_request_id").asString()).isEqualTo("req-paris");
              assertThat(line.path("service").asString()).isEqualTo("maps");
              assertThat(line.has("cold_start")).isTrue();
            });
  }

  @Test
  void beforeCheckpoint_runsInitializeAndToolsListThroughTheHandler_withoutCallingGoogle()
      throws Exception {
    CapturedOutput output = CapturedOutput.of(() -> handler.priming().beforeCheckpoint(null));

    assertThat(output.logLines())
        .extracting(line -> line.path("message").asString())
        .contains("primed /maps/mcp: initialize answered by mcp-maps, tools/list listed 2 tools");
    assertThat(keysSeen).isEmpty();
    assertThat(keyReads.get()).isZero();
  }

  @Test
  void afterRestore_makesTheKeyBeReadAgain() throws Exception {
    invoke("get-location.json", "req-before");
    int readsBefore = keyReads.get();
    invoke("reverse-geocode.json", "req-cached");
    assertThat(keyReads.get()).isEqualTo(readsBefore);

    handler.priming().afterRestore(null);
    invoke("reverse-geocode.json", "req-restored");

    assertThat(keyReads.get()).isEqualTo(readsBefore + 1);
  }

  private ProxyResponse invoke(String event, String requestId) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(EventFiles.read("maps", event)),
        out,
        new InvocationContext(requestId, "maps", 15_000));
    return new ProxyResponse(event, out.toString(StandardCharsets.UTF_8));
  }

  private static byte[] fixture(String name) {
    try (InputStream in =
        MapsObservabilityTest.class.getResourceAsStream("/google/" + name + ".json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
