package io.mcpplatform.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.registry.rest.RestHarness;
import io.mcpplatform.registry.rest.RestHarness.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security review findings 4, 5, 9 and 11: the rules of names, versions and arguments hold on the
 * MCP tools as on the REST endpoints, through the registry's Lambda handler.
 */
class EdgeRulesSecurityTest {

  @TempDir Path dir;
  private RestHarness h;

  @BeforeEach
  void start() {
    h = new RestHarness(dir, 0, 1, remote -> ProbeResult.down("test", 1L));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static ObjectNode registration(String id, String url, String version) {
    ObjectNode args = RestHarness.JSON.createObjectNode();
    args.put("server_id", id);
    args.put("name", "Server " + id);
    args.put("url", url);
    if (version != null) {
      args.put("version", version);
    }
    return args;
  }

  private JsonNode rawTool(String token, String tool, String argumentsJson) {
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
            java.util.Map.of(
                "accept",
                "application/json, text/event-stream",
                "mcp-protocol-version",
                "2025-06-18"));
    assertThat(r.status).as(r.raw).isEqualTo(200);
    return r.body.get("result");
  }

  private static String text(JsonNode result) {
    return result.at("/content/0/text").asString();
  }

  @Test
  void finding4_defaultNamespace_isReservedOverMcp_asOverRest() {
    String token = h.token("default/*");
    JsonNode mcp =
        h.tool(
            token,
            "register_server",
            registration("default/maps", "https://evil.example.com/mcp", null));
    JsonNode admin =
        h.tool(
            h.token("*"),
            "register_server",
            registration("default/maps", "https://evil.example.com/mcp", null));
    Response rest = h.publish(token, RestHarness.serverJson("default/maps", "1.0.0"));

    assertThat(mcp.get("isError").asBoolean()).isTrue();
    assertThat(text(mcp)).contains("server_id").contains("reserved 'default' namespace");
    assertThat(admin.get("isError").asBoolean()).isTrue();
    assertThat(rest.status).isEqualTo(403);
    List<String> names = new ArrayList<>();
    h.get("/v0.1/servers")
        .body
        .get("servers")
        .forEach(s -> names.add(s.at("/server/name").asString()));
    assertThat(names).doesNotContain("default/maps");
  }

  @Test
  void finding5_publishedVersion_keepsItsUrl_overMcp_asOverRest() {
    String token = h.token("com.example/*");
    JsonNode first =
        h.tool(
            token,
            "register_server",
            registration("com.example/weather", "https://weather.example.com/mcp", "1.0.0"));
    JsonNode rewrite =
        h.tool(
            token,
            "register_server",
            registration("com.example/weather", "https://attacker.example.net/mcp", "1.0.0"));
    ObjectNode described =
        registration("com.example/weather", "https://weather.example.com/mcp", "1.0.0");
    described.put("description", "Forecasts, now with alerts");
    JsonNode sameUrl = h.tool(token, "register_server", described);
    JsonNode next =
        h.tool(
            token,
            "register_server",
            registration("com.example/weather", "https://weather2.example.com/mcp", "1.1.0"));

    assertThat(first.path("isError").asBoolean(false)).as(first.toString()).isFalse();
    assertThat(rewrite.get("isError").asBoolean()).isTrue();
    assertThat(text(rewrite)).contains("immutable").contains("1.0.0");
    assertThat(sameUrl.path("isError").asBoolean(false)).as(sameUrl.toString()).isFalse();
    assertThat(next.path("isError").asBoolean(false)).as(next.toString()).isFalse();
    Response v1 = h.get("/v0.1/servers/com.example%2Fweather/versions/1.0.0");
    assertThat(v1.body.at("/server/remotes/0/url").asString())
        .isEqualTo("https://weather.example.com/mcp");
    assertThat(h.publish(token, RestHarness.serverJson("com.example/weather", "1.1.0")).status)
        .isEqualTo(400);
  }

  @Test
  void finding9_hugeOrFractionalNumbers_answerThePlainRule_onEveryNumericArgument() {
    String admin = h.token("*");
    for (String tool : List.of("search_servers", "list_servers", "audit_log")) {
      for (String limit : List.of("1e308", "-1e308", "2.5", "0", "101", "\"ten\"")) {
        JsonNode result =
            h.tool(admin, tool, RestHarness.JSON.readTree("{\"limit\": " + limit + "}"));

        assertThat(result.get("isError").asBoolean()).as(tool + " " + limit).isTrue();
        assertThat(text(result))
            .as(tool + " " + limit)
            .contains("limit must be an integer from 1 to 100")
            .doesNotContain("Node", "asLong", "$.", "JSON Schema", "Exception", "jackson");
      }
    }
    Response rest = h.get("/v0.1/servers?limit=1e308");
    assertThat(rest.status).isEqualTo(400);
    assertThat(rest.body.get("error").asString())
        .isEqualTo("limit must be an integer from 1 to 100");
  }

  @Test
  void finding11_dotSegmentsAndLoneSurrogates_areRefusedAtValidation_onBothEdges() {
    String token = h.token("com.example/*");
    for (String id : List.of("com.example/..", "com.example/.")) {
      JsonNode mcp =
          h.tool(token, "register_server", registration(id, "https://a.example.com/mcp", null));
      assertThat(text(mcp))
          .as(id)
          .startsWith("Invalid arguments: ")
          .contains("'.' or '..' segment");
      Response rest = h.publish(token, RestHarness.serverJson(id, "1.0.0"));
      assertThat(rest.status).as(id).isEqualTo(400);
      assertThat(rest.body.get("error").asString()).contains("'.' or '..' segment");
    }
    // the escapes stay JSON text, as a client sends them; JSON parsers accept a lone surrogate
    // escape
    String lone =
        "{\"server_id\":\"com.example/surrogate\",\"name\":\"S\",\"url\":\"https://a.example.com/mcp\","
            + "\"description\":\"half a pair: \\ud83d here\"}";
    assertThat(text(rawTool(token, "register_server", lone)))
        .startsWith("Invalid arguments: ")
        .contains("description")
        .contains("surrogate");
    String serverJson =
        RestHarness.serverJson("com.example/surrogate", "1.0.0")
            .toString()
            .replace("\"version\"", "\"title\":\"\\udc00 low alone\",\"version\"");
    Response rest = h.call("POST", "/v0.1/publish", token, serverJson, java.util.Map.of());
    assertThat(rest.status).as(rest.raw).isEqualTo(400);
    assertThat(rest.body.get("error").asString()).contains("title").contains("surrogate");
    assertThat(text(rawTool(null, "search_servers", "{\"query\":\"\\ud800\"}")))
        .contains("query")
        .contains("surrogate");
    assertThat(h.app.service().get("com.example/surrogate")).isEmpty();
  }

  @Test
  void finding11_dataFiles_areWrittenOwnerOnly() throws java.io.IOException {
    h.tool(
        h.token("com.example/*"),
        "register_server",
        registration("com.example/weather", "https://weather.example.com/mcp", null));
    h.tool(
        null,
        "register_server",
        registration("com.example/refused", "https://a.example.com/mcp", null));

    List<Path> files = new ArrayList<>();
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.list(dir)) {
      all.filter(java.nio.file.Files::isRegularFile).forEach(files::add);
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("audit.jsonl");
    for (Path file : files) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  java.nio.file.Files.getPosixFilePermissions(file)))
          .as(file.getFileName().toString())
          .isEqualTo("rw-------");
    }
  }
}
