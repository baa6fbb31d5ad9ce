package io.mcpplatform.registry.rest;

import static io.mcpplatform.registry.OfficialSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.registry.rest.RestHarness.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The REST face: official shapes, one catalog with MCP, versions, status, paging, errors, CORS. */
class RestApiTest {

  private static final String OFFICIAL = "/_meta/io.modelcontextprotocol.registry~1official";

  @TempDir Path dir;
  private RestHarness h;
  private String token;

  @BeforeEach
  void start() {
    h = new RestHarness(dir, 0, 1);
    token = h.token("com.example/*");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private Response ok(Response r, String definition) {
    assertThat(r.status).as(r.raw).isEqualTo(200);
    assertValid(definition, r.body);
    assertThat(r.raw).doesNotContain("Exception").doesNotContain("\tat ");
    return r;
  }

  private Response error(Response r, int status) {
    assertThat(r.status).as(r.raw).isEqualTo(status);
    assertValid("Error", r.body);
    assertThat(r.body.get("error").asString()).isNotBlank();
    assertThat(r.raw).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
    return r;
  }

  @Test
  void publish_thenReadBack_inOfficialShapes() {
    ObjectNode server = RestHarness.serverJson("com.example/weather", "1.0.0");
    server.put("title", "Weather");
    server
        .putObject("repository")
        .put("url", "https://github.com/example/weather")
        .put("source", "github");

    Response published = ok(h.publish(token, server), "ServerResponse");
    assertThat(published.body.at("/server/name").asString()).isEqualTo("com.example/weather");
    assertThat(published.body.at(OFFICIAL + "/status").asString()).isEqualTo("active");
    assertThat(published.body.at(OFFICIAL + "/isLatest").asBoolean()).isTrue();
    assertThat(published.body.at(OFFICIAL + "/publishedAt").asString())
        .isEqualTo("2026-11-26T10:00:00Z");

    Response one =
        ok(h.get("/v0.1/servers/com.example%2Fweather/versions/1.0.0"), "ServerResponse");
    assertThat(one.body.at("/server/repository/source").asString()).isEqualTo("github");
    assertThat(one.body.at("/_meta/io.mcpplatform~1registry/health/status").asString())
        .isEqualTo("unknown");
    ok(h.get("/v0.1/servers/com.example%2Fweather/versions/latest"), "ServerResponse");
    Response decodedSlash =
        ok(h.get("/v0.1/servers/com.example/weather/versions/1.0.0"), "ServerResponse");
    assertThat(decodedSlash.body.at("/server/name").asString()).isEqualTo("com.example/weather");
    Response versions = ok(h.get("/v0.1/servers/com.example%2Fweather/versions"), "ServerList");
    assertThat(versions.body.at("/servers").size()).isEqualTo(1);
    Response list = ok(h.get("/v0.1/servers"), "ServerList");
    assertThat(list.body.at("/servers/0/server/title").asString()).isEqualTo("Weather");
  }

  @Test
  void versions_areImmutable_andLatestIsChosenBySemver() {
    ok(h.publish(token, RestHarness.serverJson("com.example/app", "1.2.0")), "ServerResponse");
    h.clock.advance(Duration.ofSeconds(1));
    Response older =
        ok(
            h.publish(token, RestHarness.serverJson("com.example/app", "1.10.0-beta.1")),
            "ServerResponse");
    assertThat(older.body.at(OFFICIAL + "/isLatest").asBoolean()).isTrue();
    h.clock.advance(Duration.ofSeconds(1));
    Response patch =
        ok(h.publish(token, RestHarness.serverJson("com.example/app", "1.9.9")), "ServerResponse");
    assertThat(patch.body.at(OFFICIAL + "/isLatest").asBoolean()).isFalse();

    assertThat(
            h.get("/v0.1/servers/com.example%2Fapp/versions/latest")
                .body
                .at("/server/version")
                .asString())
        .isEqualTo("1.10.0-beta.1");
    error(h.publish(token, RestHarness.serverJson("com.example/app", "1.2.0")), 400);
    Response all = ok(h.get("/v0.1/servers/com.example%2Fapp/versions"), "ServerList");
    assertThat(all.body.at("/servers").size()).isEqualTo(3);
    Response latestOnly = ok(h.get("/v0.1/servers?version=latest"), "ServerList");
    assertThat(latestOnly.body.at("/servers").size()).isEqualTo(1);
  }

  @Test
  void deletedVersion_cannotBeReplayed_andLeavesListingsUnlessIncluded() {
    ok(h.publish(token, RestHarness.serverJson("com.example/gone", "1.0.0")), "ServerResponse");
    Response deleted =
        ok(
            h.call(
                "PATCH",
                "/v0.1/servers/com.example%2Fgone/versions/1.0.0/status",
                token,
                "{\"status\":\"deleted\",\"statusMessage\":\"security issue\"}",
                Map.of()),
            "ServerResponse");
    assertThat(deleted.body.at(OFFICIAL + "/status").asString()).isEqualTo("deleted");
    assertThat(deleted.body.at(OFFICIAL + "/statusMessage").asString()).isEqualTo("security issue");

    Response replay =
        error(h.publish(token, RestHarness.serverJson("com.example/gone", "1.0.0")), 400);
    assertThat(replay.body.get("error").asString()).contains("immutable");
    assertThat(ok(h.get("/v0.1/servers"), "ServerList").body.at("/servers").size()).isZero();
    assertThat(
            ok(h.get("/v0.1/servers?include_deleted=true"), "ServerList")
                .body
                .at("/servers")
                .size())
        .isEqualTo(1);
    error(h.get("/v0.1/servers/com.example%2Fgone/versions"), 404);
    assertThat(
            ok(
                    h.get("/v0.1/servers/com.example%2Fgone/versions?include_deleted=true"),
                    "ServerList")
                .body
                .at("/servers")
                .size())
        .isEqualTo(1);
    assertThat(h.app.service().get("com.example/gone").orElseThrow().status().wire())
        .isEqualTo("deleted");
  }

  @Test
  void allVersionsStatus_deprecatesEveryVersion() {
    ok(h.publish(token, RestHarness.serverJson("com.example/old", "1.0.0")), "ServerResponse");
    ok(h.publish(token, RestHarness.serverJson("com.example/old", "2.0.0")), "ServerResponse");

    Response r =
        ok(
            h.call(
                "PATCH",
                "/v0.1/servers/com.example%2Fold/status",
                token,
                "{\"status\":\"deprecated\",\"statusMessage\":\"use com.example/new\"}",
                Map.of()),
            "AllVersionsStatusResponse");

    assertThat(r.body.get("updatedCount").asInt()).isEqualTo(2);
    r.body
        .get("servers")
        .forEach(s -> assertThat(s.at(OFFICIAL + "/status").asString()).isEqualTo("deprecated"));
    error(
        h.call(
            "PATCH",
            "/v0.1/servers/com.example%2Fold/status",
            token,
            "{\"status\":\"retired\"}",
            Map.of()),
        400);
    error(
        h.call(
            "PATCH",
            "/v0.1/servers/com.example%2Fnone/status",
            token,
            "{\"status\":\"active\"}",
            Map.of()),
        404);
  }

  @Test
  void mcpRegistration_showsInRest_andRestPublish_showsInMcpSearch() {
    Map<String, Object> args = new HashMap<>();
    args.put("server_id", "weather-api");
    args.put(
        "name",
        "Weather API with a title that is much longer than the one hundred characters the official"
            + " schema allows for titles");
    args.put("url", "https://weather.example.com/mcp");
    args.put("tags", List.of("weather"));
    h.app.service().register(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY));
    ok(h.publish(token, RestHarness.serverJson("com.example/tides", "0.1.0")), "ServerResponse");

    Response seed =
        ok(h.get("/v0.1/servers/default%2Fweather-api/versions/latest"), "ServerResponse");
    assertThat(seed.body.at("/server/name").asString()).isEqualTo("default/weather-api");
    assertThat(seed.body.at("/_meta/io.mcpplatform~1registry/id").asString())
        .isEqualTo("weather-api");
    assertThat(seed.body.at("/_meta/io.mcpplatform~1registry/tags/0").asString())
        .isEqualTo("weather");
    assertThat(
            h.app.service().search(io.mcpplatform.core.search.SearchQuery.text("tides", 5)).hits())
        .extracting(hit -> hit.entry().name())
        .containsExactly("com.example/tides");
    Response search = ok(h.get("/v0.1/servers?search=weather"), "ServerList");
    assertThat(search.body.at("/servers/0/server/name").asString())
        .isEqualTo("default/weather-api");
  }

  @Test
  void list_pagesWithCursor_withoutDuplicates_andFiltersByUpdatedSince() {
    for (int i = 0; i < 7; i++) {
      ok(h.publish(token, RestHarness.serverJson("com.example/s" + i, "1.0.0")), "ServerResponse");
      ok(h.publish(token, RestHarness.serverJson("com.example/s" + i, "1.1.0")), "ServerResponse");
      h.clock.advance(Duration.ofMinutes(1));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page =
          ok(
              h.get("/v0.1/servers?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)),
              "ServerList");
      page.body
          .get("servers")
          .forEach(
              s ->
                  seen.add(
                      s.at("/server/name").asString() + "@" + s.at("/server/version").asString()));
      assertThat(page.body.at("/metadata/count").asInt())
          .isEqualTo(page.body.get("servers").size());
      cursor =
          page.body.at("/metadata/nextCursor").isMissingNode()
              ? null
              : page.body.at("/metadata/nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).hasSize(14).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(4);

    Response recent =
        ok(h.get("/v0.1/servers?version=latest&updated_since=2026-11-26T10:05:00Z"), "ServerList");
    List<String> names = new ArrayList<>();
    recent.body.get("servers").forEach(s -> names.add(s.at("/server/name").asString()));
    assertThat(names).containsExactlyInAnyOrder("com.example/s5", "com.example/s6");
  }

  @Test
  void badInput_getsFieldErrors_withFittingStatus() {
    ObjectNode bad = RestHarness.serverJson("no-namespace", "^1.0.0");
    bad.put("description", "x".repeat(101));
    bad.putArray("packages").addObject().put("registryType", "npm");
    ((ObjectNode) bad.get("remotes").get(0)).put("url", "http://weather.example.com/mcp");
    Response r = error(h.publish(token, bad), 400);
    assertThat(r.body.get("error").asString())
        .contains("name:")
        .contains("description:")
        .contains("version:")
        .contains("packages")
        .contains("remotes[0].url: must use https");
    error(h.publish(token, RestHarness.serverJson("com.example/x", "latest")), 400);
    error(h.call("POST", "/v0.1/publish", token, "{not json", Map.of()), 400);
    error(h.call("POST", "/v0.1/publish", token, "[1,2]", Map.of()), 400);
    error(h.call("POST", "/v0.1/publish", token, "{}", Map.of("content-type", "text/plain")), 415);
    String huge = "{\"name\":\"com.example/big\",\"description\":\"" + "x".repeat(70_000) + "\"}";
    error(h.call("POST", "/v0.1/publish", token, huge, Map.of()), 413);
    error(h.get("/v0.1/servers?limit=0"), 400);
    error(h.get("/v0.1/servers?limit=101"), 400);
    error(h.get("/v0.1/servers?cursor=bm90LWEtY3Vyc29y"), 400);
    error(h.get("/v0.1/servers?updated_since=yesterday"), 400);
    error(h.get("/v0.1/servers?version=1.0.0"), 400);
    error(h.get("/v0.1/servers/com.example%2Fnothing/versions/1.0.0"), 404);
    error(h.get("/v0.1/nowhere"), 404);
    error(h.call("DELETE", "/v0.1/servers", null, null, Map.of()), 405);
  }

  @Test
  void cors_answersPreflight_andMarksResponses() {
    Response preflight =
        h.call(
            "OPTIONS",
            "/v0.1/publish",
            null,
            null,
            Map.of(
                "origin",
                "https://app.example.com",
                "access-control-request-method",
                "POST",
                "access-control-request-headers",
                "authorization, content-type"));
    assertThat(preflight.status).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST").contains("PATCH");
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

    Response get =
        h.call("GET", "/v0.1/servers", null, null, Map.of("origin", "https://app.example.com"));
    assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("*");
    Response unauthorized = h.publish(null, RestHarness.serverJson("com.example/a", "1.0.0"));
    assertThat(unauthorized.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(unauthorized.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
  }

  @Test
  void everyResponse_isJsonEvenForUnexpectedPaths() {
    JsonNode body = error(h.get("/v0.1/servers/%E0%A4%A/versions"), 400).body;
    assertThat(body.get("error").asString()).contains("percent");
  }
}
