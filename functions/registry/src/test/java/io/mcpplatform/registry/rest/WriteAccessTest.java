package io.mcpplatform.registry.rest;

import static io.mcpplatform.registry.OfficialSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.registry.rest.RestHarness.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens, namespaces, rate limits and the audit log, on the REST face and the MCP tools
 * alike.
 */
class WriteAccessTest {

  @TempDir Path dir;
  private RestHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private void start(double perSecond, int burst) {
    h = new RestHarness(dir, perSecond, burst);
  }

  private static void unauthorized(Response r, String message) {
    assertThat(r.status).as(r.raw).isEqualTo(401);
    assertValid("Error", r.body);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer realm=\"mcp-registry\"");
    assertThat(r.body.get("error").asString()).contains(message);
  }

  private JsonNode mcp(String token, String tool, String argumentsJson) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":"
            + argumentsJson
            + "}}";
    Response r =
        h.call(
            "POST",
            "/registry/mcp",
            token,
            body,
            Map.of(
                "accept",
                "application/json, text/event-stream",
                "mcp-protocol-version",
                "2025-06-18"));
    assertThat(r.status).as(r.raw).isEqualTo(200);
    return r.body.get("result");
  }

  @Test
  void publish_refusesMissingExpiredTamperedNoneAndForeignTokens() {
    start(0, 1);
    String token = h.token("com.example/*");
    String body = RestHarness.serverJson("com.example/a", "1.0.0").toString();

    unauthorized(h.call("POST", "/v0.1/publish", null, body, Map.of()), "required");
    unauthorized(
        h.call("POST", "/v0.1/publish", null, body, Map.of("authorization", "Basic dTpw")),
        "Bearer");
    String[] parts = token.split("\\.");
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    unauthorized(h.call("POST", "/v0.1/publish", none, body, Map.of()), "");
    String widened =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("com.example/*", "*")
                    .getBytes(StandardCharsets.UTF_8));
    unauthorized(
        h.call("POST", "/v0.1/publish", parts[0] + "." + widened + "." + parts[2], body, Map.of()),
        "signature");
    h.clock.advance(Duration.ofMinutes(16));
    unauthorized(h.call("POST", "/v0.1/publish", token, body, Map.of()), "expired");

    String fresh = h.token("com.example/*");
    Response foreign = h.publish(fresh, RestHarness.serverJson("com.other/a", "1.0.0"));
    assertThat(foreign.status).isEqualTo(403);
    assertValid("Error", foreign.body);
    assertThat(h.publish(fresh, RestHarness.serverJson("default/seed-style", "1.0.0")).status)
        .isEqualTo(403);
    assertThat(
            h.publish(h.token("*"), RestHarness.serverJson("default/seed-style", "1.0.0")).status)
        .isEqualTo(200);
    assertThat(h.app.service().get("seed-style")).isPresent();
    assertThat(h.publish(fresh, RestHarness.serverJson("com.example/a", "1.0.0")).status)
        .isEqualTo(200);
  }

  @Test
  void statusChange_needsEditOnTheName() {
    start(0, 1);
    String token = h.token("com.example/*");
    assertThat(h.publish(token, RestHarness.serverJson("com.example/a", "1.0.0")).status)
        .isEqualTo(200);
    String patch = "{\"status\":\"deprecated\"}";
    String path = "/v0.1/servers/com.example%2Fa/versions/1.0.0/status";

    unauthorized(h.call("PATCH", path, null, patch, Map.of()), "required");
    assertThat(h.call("PATCH", path, h.token("com.other/*"), patch, Map.of()).status)
        .isEqualTo(403);
    assertThat(h.call("PATCH", path, token, patch, Map.of()).status).isEqualTo(200);
    assertThat(h.get("/v0.1/servers/com.example%2Fa/versions/1.0.0").status).isEqualTo(200);
  }

  @Test
  void registerServer_overMcp_needsATokenCoveringTheServerId() {
    start(0, 1);
    String args =
        "{\"server_id\":\"com.example/weather\",\"name\":\"Weather\",\"url\":\"https://w.example.com/mcp\"}";

    JsonNode anonymous = mcp(null, "register_server", args);
    assertThat(anonymous.get("isError").asBoolean()).isTrue();
    assertThat(anonymous.at("/content/0/text").asString()).startsWith("Unauthorized: ");
    JsonNode foreign = mcp(h.token("com.other/*"), "register_server", args);
    assertThat(foreign.at("/content/0/text").asString()).startsWith("Forbidden: ");
    JsonNode seed =
        mcp(
            h.token("com.example/*"),
            "register_server",
            "{\"server_id\":\"weather-api\",\"name\":\"W\",\"url\":\"https://w.example.com/mcp\"}");
    assertThat(seed.at("/content/0/text").asString()).startsWith("Forbidden: ").contains("admin");
    JsonNode ok = mcp(h.token("com.example/*"), "register_server", args);
    assertThat(ok.path("isError").asBoolean(false)).as(ok.toString()).isFalse();
    assertThat(
            mcp(null, "get_server", "{\"server_id\":\"com.example/weather\"}")
                .path("isError")
                .asBoolean(false))
        .isFalse();
    Response rest = h.get("/v0.1/servers/com.example%2Fweather/versions/1.0.0");
    assertThat(rest.status).isEqualTo(200);
    assertValid("ServerResponse", rest.body);
  }

  @Test
  void rateLimit_answers429WithRetryAfter_perCaller_overRestAndMcp() {
    start(0.001, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(h.get("/v0.1/servers").status).isEqualTo(200);
    }
    Response limited = h.get("/v0.1/servers");
    assertThat(limited.status).isEqualTo(429);
    assertValid("Error", limited.body);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    JsonNode mcpLimited = mcp(null, "list_servers", "{}");
    assertThat(mcpLimited.get("isError").asBoolean()).isTrue();
    assertThat(mcpLimited.at("/content/0/text").asString()).contains("Rate limit");

    String token = h.token("com.example/*");
    assertThat(h.call("GET", "/v0.1/servers", token, null, Map.of()).status).isEqualTo(200);
  }

  @Test
  void auditLog_recordsWritesAndRefusals_forAdminsOnly() {
    start(0, 1);
    String token = h.token("com.example/*");
    h.publish(token, RestHarness.serverJson("com.example/a", "1.0.0"));
    h.publish(null, RestHarness.serverJson("com.example/b", "1.0.0"));
    h.publish(token, RestHarness.serverJson("com.other/c", "1.0.0"));
    h.call(
        "PATCH",
        "/v0.1/servers/com.example%2Fa/status",
        token,
        "{\"status\":\"deprecated\"}",
        Map.of());
    String admin = h.token("*");

    assertThat(h.call("GET", "/v0.1/audit", null, null, Map.of()).status).isEqualTo(401);
    assertThat(h.call("GET", "/v0.1/audit", token, null, Map.of()).status).isEqualTo(403);
    Response log = h.call("GET", "/v0.1/audit?since=2026-11-26T00:00:00Z", admin, null, Map.of());
    assertThat(log.status).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    log.body
        .get("records")
        .forEach(
            r ->
                lines.add(
                    r.get("actor").asString()
                        + " "
                        + r.get("action").asString()
                        + " "
                        + r.path("target").asString("")
                        + " "
                        + r.get("outcome").asString()
                        + " "
                        + r.path("source").asString("")));
    assertThat(lines)
        .containsExactly(
            "tester-com.example/* status com.example/a ok 203.0.113.7",
            "tester-com.example/* publish com.other/c forbidden 203.0.113.7",
            "anonymous publish  unauthorized 203.0.113.7",
            "tester-com.example/* publish com.example/a ok 203.0.113.7");

    JsonNode tool = mcp(admin, "audit_log", "{\"since\":\"2026-11-26T00:00:00Z\",\"limit\":2}");
    assertThat(tool.at("/structuredContent/records").size()).isEqualTo(2);
    assertThat(mcp(token, "audit_log", "{}").at("/content/0/text").asString())
        .startsWith("Forbidden: ");
  }
}
