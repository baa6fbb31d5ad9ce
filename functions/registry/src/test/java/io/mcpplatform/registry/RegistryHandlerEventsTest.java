package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.core.testing.ProxyResponse;
import io.mcpplatform.embedded.store.FileRegistryStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds every file in {@code events/registry/} through the registry's Lambda handler, as {@code sam
 * local invoke} would, and checks each answer. A new event file without an expectation here fails
 * the suite.
 */
class RegistryHandlerEventsTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;

  private RegistryApp app;
  private RegistryHandler handler;

  private final Map<String, Consumer<ProxyResponse>> expectations =
      Map.ofEntries(
          Map.entry(
              "initialize.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.rpc.at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");
                assertThat(r.rpc.at("/result/serverInfo/name").asString())
                    .isEqualTo("mcp-registry");
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
                        });
                assertThat(names)
                    .containsExactlyInAnyOrder(
                        "register_server",
                        "search_servers",
                        "get_server",
                        "list_servers",
                        "check_health",
                        "audit_log");
              }),
          Map.entry(
              "register-server.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isFalse();
                assertThat(r.text())
                    .isEqualTo("Server 'Weather API' updated successfully with ID: weather-api");
                assertThat(r.structured().at("/status").asString()).isEqualTo("updated");
                assertThat(r.structured().at("/server/revision").asLong()).isEqualTo(2);
              }),
          Map.entry(
              "search-servers.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.structured().at("/total").asInt()).isEqualTo(1);
                assertThat(r.structured().at("/servers/0/name").asString())
                    .isEqualTo("weather-api");
                assertThat(r.structured().at("/servers/0/score").asDouble()).isPositive();
                assertThat(r.structured().at("/servers/0/capabilities/0/name").asString())
                    .isEqualTo("get_forecast");
                assertThat(r.structured().at("/servers/0/capabilities/0").has("inputSchema"))
                    .isFalse();
              }),
          Map.entry(
              "search-servers-http-api-v2.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.structured().at("/servers/0/name").asString())
                    .isEqualTo("weather-api");
              }),
          Map.entry(
              "get-server.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.structured().at("/title").asString()).isEqualTo("Weather API");
                assertThat(r.structured().at("/remotes/0/url").asString())
                    .isEqualTo("https://weather.example.com/mcp");
                assertThat(r.structured().at("/health/status").asString()).isEqualTo("unknown");
                // get_server answers tools' input schemas; search and list leave them out
                assertThat(r.structured().at("/capabilities/0/inputSchema/required/0").asString())
                    .isEqualTo("location");
              }),
          Map.entry(
              "list-servers.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.structured().at("/servers").size()).isEqualTo(1);
                assertThat(r.structured().at("/servers/0/capabilities/0").has("inputSchema"))
                    .isFalse();
              }),
          Map.entry(
              "bad-base64-body.json",
              r -> {
                assertThat(r.status).isEqualTo(400);
                assertThat(r.rpc.at("/error/message").asString())
                    .isEqualTo(
                        "Malformed event: body is not valid base64 (isBase64Encoded is true)");
              }),
          Map.entry(
              "null-multi-value-headers.json",
              r -> {
                assertThat(r.status).isEqualTo(400);
                assertThat(r.rpc.at("/error/message").asString())
                    .isEqualTo("Malformed event: multiValueHeaders must be an object");
              }),
          Map.entry(
              "malformed-body.json",
              r -> {
                assertThat(r.status).isEqualTo(400);
                assertThat(r.rpc.at("/error/code").asInt()).isEqualTo(-32700);
              }),
          Map.entry(
              "bad-argument.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.isError()).isTrue();
                assertThat(r.text())
                    .startsWith("Invalid arguments: ")
                    .contains("server_id: must be 1 to 64 letters")
                    .contains("url: must use https");
              }),
          Map.entry(
              "get-not-allowed.json",
              r -> {
                assertThat(r.status).isEqualTo(405);
                assertThat(r.rpc.at("/error/code").isNumber()).isTrue();
              }),
          Map.entry("notification.json", r -> assertThat(r.status).isEqualTo(202)),
          Map.entry(
              "rest-search-servers.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                OfficialSchemas.assertValid("ServerList", r.rpc);
                assertThat(r.rpc.at("/servers/0/server/name").asString())
                    .isEqualTo("default/weather-api");
                assertThat(r.rpc.at("/servers/0/server/version").asString()).isEqualTo("1.2.0");
              }),
          Map.entry(
              "search-servers-sse.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.contentType).startsWith("text/event-stream");
                assertThat(r.events).isNotEmpty();
                assertThat(r.events.get(r.events.size() - 1).getKey())
                    .isEqualTo(Integer.toString(r.events.size()));
                assertThat(r.rpc.at("/id").asInt()).isEqualTo(4);
                assertThat(r.structured().at("/servers/0/name").asString())
                    .isEqualTo("weather-api");
              }),
          Map.entry(
              "legacy-sse-get.json",
              r -> {
                assertThat(r.status).isEqualTo(400);
                assertThat(r.rpc.at("/error/message").asString())
                    .contains(
                        "long-lived connection",
                        "https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/registry/mcp");
              }),
          Map.entry(
              "rest-get-latest-http-api-v2.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                OfficialSchemas.assertValid("ServerResponse", r.rpc);
                assertThat(
                        r.rpc
                            .at("/_meta/io.modelcontextprotocol.registry~1official/isLatest")
                            .asBoolean())
                    .isTrue();
                assertThat(r.raw).contains("Access-Control-Allow-Origin");
              }),
          Map.entry(
              "web-index.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.headers.path("Content-Type").asString()).startsWith("text/html");
                assertThat(r.headers.path("Content-Security-Policy").asString())
                    .contains("script-src 'self'");
                assertThat(r.body)
                    .contains(
                        "<p id=\"total\" class=\"total\">1 server matching <q>weather</q></p>")
                    .contains("<a href=\"servers/weather-api\"><bdi>Weather API</bdi></a>");
              }),
          Map.entry(
              "web-server-page.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.headers.path("Content-Type").asString()).startsWith("text/html");
                assertThat(r.body)
                    .contains("<h1><bdi>Weather API</bdi></h1>")
                    .contains(
                        "claude mcp add --transport http weather-api https://weather.example.com/mcp")
                    .contains("<svg class=\"chart\"")
                    .contains(
                        "<pre class=\"schema\" role=\"region\" tabindex=\"0\""
                            + " aria-label=\"Input schema of get_forecast\">");
              }),
          Map.entry(
              "web-tool-schema.json",
              r -> {
                assertThat(r.status).isEqualTo(200);
                assertThat(r.headers.path("Content-Type").asString())
                    .isEqualToIgnoringCase("application/json; charset=utf-8");
                assertThat(r.headers.path("X-Content-Type-Options").asString())
                    .isEqualTo("nosniff");
                assertThat(r.headers.path("Content-Security-Policy").asString())
                    .contains("script-src 'self'");
                assertThat(JSON.readTree(r.body).at("/properties/days/maximum").asInt())
                    .isEqualTo(7);
                assertThat(JSON.readTree(r.body).at("/required/0").asString())
                    .isEqualTo("location");
              }));

  @BeforeEach
  void start() throws IOException {
    java.nio.file.Files.writeString(
        dataDir.resolve(io.mcpplatform.registry.auth.LocalSigningKey.FILE_NAME),
        ExampleEvents.KEY_FILE);
    RegistryConfig config =
        new RegistryConfig(null, null, null, dataDir, UrlPolicy.HTTPS_ONLY, Duration.ZERO);
    app = new RegistryApp(FileRegistryStore.open(dataDir), config, null);
    handler = new RegistryHandler(app);
    ProxyResponse first = invoke("register-server.json");
    assertThat(first.text())
        .isEqualTo("Server 'Weather API' registered successfully with ID: weather-api");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void everyEventFile_hasAnExpectation() {
    assertThat(EventFiles.names("registry"))
        .containsExactlyInAnyOrderElementsOf(expectations.keySet());
  }

  @Test
  void everyEventFile_answersAsExpected_withoutStackTraces() throws IOException {
    for (String name : EventFiles.names("registry")) {
      ProxyResponse response = invoke(name);
      assertThat(response.raw)
          .as(name)
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("java.");
      expectations.get(name).accept(response);
    }
  }

  private ProxyResponse invoke(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(ExampleEvents.read(name)), out, (Context) null);
    return new ProxyResponse(name, out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
