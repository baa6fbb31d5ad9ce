package io.mcpplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error paths over real HTTP through the running local system: every one answers with a JSON-RPC
 * error or a tool error, never with a stack trace or a Java class name. Setting {@code Host} needs
 * {@code -Djdk.httpclient.allowRestrictedHeaders=host} (set in this module's pom).
 */
class HttpErrorPathsEndToEndTest {

  /** A stack frame, or a fully qualified name from the JDK or a library this system runs on. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\bat [\\w$.]+\\(|\\b(java|javax|jakarta|sun|jdk|io\\.modelcontextprotocol|io\\.mcpplatform|tools\\.jackson"
              + "|com\\.fasterxml|org\\.eclipse|org\\.slf4j)\\.[a-z]|[A-Z]\\w*Exception\\b");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String INITIALIZE =
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
      "capabilities":{},"clientInfo":{"name":"e2e","version":"1"}}}""";

  @TempDir static Path dataDir;

  private static LocalSystemProcess system;
  private static HttpClient http;

  @BeforeAll
  static void startSystem() throws Exception {
    system = LocalSystemProcess.start(dataDir);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  private static HttpRequest.Builder post(String body) {
    return HttpRequest.newBuilder(URI.create(system.registryUrl()))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).as("response body").doesNotContainPattern(LEAK);
    return response;
  }

  @Test
  void healthz_answers200() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/healthz")).build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void post_answersParseError_whenBodyIsNotJson() throws Exception {
    HttpResponse<String> response = send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":").build());

    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isBetween(200, 499);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void get_answers405() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(system.registryUrl()))
                .header("Accept", "text/event-stream")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void post_isRejected_whenHostIsNotLoopback() throws Exception {
    HttpResponse<String> response =
        send(post(INITIALIZE).header("Host", "attacker.example:" + system.port()).build());

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).doesNotContain("mcp-registry");
  }

  @Test
  void post_isRejected_whenOriginIsForeign() throws Exception {
    HttpResponse<String> response =
        send(post(INITIALIZE).header("Origin", "http://attacker.example").build());

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).doesNotContain("mcp-registry");
  }

  @Test
  void post_isAccepted_whenHostIsLocalhost() throws Exception {
    HttpResponse<String> response =
        send(post(INITIALIZE).header("Host", "localhost:" + system.port()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(response.body())
                .path("result")
                .path("serverInfo")
                .path("name")
                .asString())
        .isEqualTo("mcp-registry");
  }

  @Test
  void registerServer_isErrorNamingUrl_whenUrlIsHttpToNonLoopbackHost() throws Exception {
    String call =
        """
        {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"register_server","arguments":{
        "server_id":"plain-http","name":"Plain HTTP","url":"http://example.com/mcp",
        "description":"served over plain http","capabilities":[],"tags":[],"version":"1.0.0"}}}""";

    HttpResponse<String> response =
        send(
            post(call)
                .header(
                    "Authorization",
                    "Bearer " + JavaSdkClientEndToEndTest.adminToken(system.dataDir()))
                .build());

    JsonNode result = JSON.readTree(response.body()).path("result");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asString())
        .contains("url: must use https");
  }

  @Test
  void post_answersMethodNotFound_whenMethodIsUnknown() throws Exception {
    HttpResponse<String> response =
        send(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such\"}").build());

    assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void unknownPath_answers404WithJson() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(system.baseUrl() + "/nowhere"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).isObject()).isTrue();
  }
}
