package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.access.Permission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's REST face on the local HTTP server: percent-encoded names, tokens, the maps
 * server.
 */
class LocalRestApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;
  private LocalSystem system;

  @BeforeEach
  void start() throws Exception {
    system = LocalSystem.start("127.0.0.1", 0, dataDir);
  }

  @AfterEach
  void stop() {
    system.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void publish_thenGetByPercentEncodedName_overRealHttp() throws Exception {
    String token =
        system
            .registry()
            .tokens()
            .issue("local-test", Permission.publishAndEdit("com.example/*"), Duration.ofMinutes(5));
    String serverJson =
        "{\"name\":\"com.example/local\",\"description\":\"Local test\",\"version\":\"1.0.0\","
            + "\"remotes\":[{\"type\":\"streamable-http\",\"url\":\"http://127.0.0.1:9/mcp\"}]}";

    HttpResponse<String> anonymous =
        send(
            HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v0.1/publish"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(serverJson)));
    HttpResponse<String> published =
        send(
            HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v0.1/publish"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(serverJson)));
    HttpResponse<String> latest =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        system.baseUrl() + "/v0.1/servers/com.example%2Flocal/versions/latest"))
                .GET());
    HttpResponse<String> maps =
        send(
            HttpRequest.newBuilder(
                    URI.create(system.baseUrl() + "/v0.1/servers/default%2Fmaps/versions"))
                .GET());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .startsWith("Bearer");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(latest.body());
    assertThat(body.at("/server/name").asString()).isEqualTo("com.example/local");
    assertThat(latest.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(maps.statusCode()).as(maps.body()).isEqualTo(200);
    assertThat(JSON.readTree(maps.body()).at("/servers/0/server/name").asString())
        .isEqualTo("default/maps");
  }
}
