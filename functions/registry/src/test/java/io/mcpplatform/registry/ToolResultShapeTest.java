package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.transport.StructuredJson;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search, get and list results carry one serialization of their data: the JSON text content is
 * exactly the structured content, which reaches the wire as an object with each entry as the entry
 * serializes.
 */
class ToolResultShapeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private FileRegistryStore store;
  private RegistryService service;
  private final Map<String, SyncToolSpecification> tools = new HashMap<>();

  @BeforeEach
  void open() {
    store = FileRegistryStore.open(dir);
    service = new RegistryService(store, Clock.systemUTC(), Duration.ZERO);
    new RegistryTools(service, UrlPolicy.HTTPS_ONLY, JSON)
        .specifications()
        .forEach(s -> tools.put(s.tool().name(), s));
    for (String id : List.of("weather-api", "weather-alerts", "calendar")) {
      Map<String, Object> args = new HashMap<>();
      args.put("server_id", id);
      args.put("name", id.replace('-', ' ') + " \"server\" \u00e9t\u00e9");
      args.put("url", "https://" + id + ".example.com/mcp");
      args.put("description", "Weather forecasts and alerts\nfor " + id);
      args.put("tags", List.of("weather", "forecast"));
      args.put(
          "capabilities",
          List.of(Map.of("name", "get_forecast", "type", "tool", "description", "Forecast")));
      service.register(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY));
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  private CallToolResult call(String tool, Map<String, Object> args) {
    return tools.get(tool).callHandler().apply(null, new CallToolRequest(tool, args));
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  /**
   * The entry as it serializes on its own: what each listed server must be, score and match aside.
   */
  private JsonNode entryAlone(String name) {
    return JSON.readTree(JSON.writeValueAsString(service.get(name).orElseThrow()));
  }

  @Test
  void searchServers_textIsTheStructuredContent_andEachServerIsTheEntryWithItsScoreAndMatch() {
    CallToolResult result = call("search_servers", Map.of("query", "weather forecast", "limit", 1));

    StructuredJson structured = (StructuredJson) result.structuredContent();
    assertThat(text(result))
        .isEqualTo(structured.text())
        .isEqualTo(JSON.writeValueAsString(structured.tree()));
    JsonNode body = JSON.readTree(text(result));
    assertThat(body.get("total").asInt()).isEqualTo(3);
    assertThat(body.get("nextCursor").asString()).isNotBlank();
    JsonNode server = body.get("servers").get(0).deepCopy();
    assertThat(server.get("score").asDouble()).isPositive().isLessThanOrEqualTo(1.0);
    assertThat(server.at("/match/lexical").valueStream().map(JsonNode::asString).toList())
        .contains("name", "description", "tags");
    assertThat(server.at("/match/semantic").isArray()).isTrue();
    ((ObjectNode) server).remove("score");
    ((ObjectNode) server).remove("match");
    assertThat(server).isEqualTo(entryAlone(server.get("name").asString()));
  }

  @Test
  void searchServers_reachesTheWire_withStructuredContentAsAnObject() throws Exception {
    CallToolResult result = call("search_servers", Map.of("query", "calendar"));

    String wire = new JacksonMcpJsonMapper(JSON).writeValueAsString(result);

    JsonNode parsed = JSON.readTree(wire);
    assertThat(parsed.get("structuredContent").isObject()).isTrue();
    assertThat(parsed.get("structuredContent")).isEqualTo(JSON.readTree(text(result)));
    assertThat(parsed.at("/content/0/text").asString()).isEqualTo(text(result));
    assertThat(parsed.at("/structuredContent/servers/0/title").asString())
        .isEqualTo("calendar \"server\" \u00e9t\u00e9");
  }

  @Test
  void searchServers_saysNoMatch_inTextButKeepsTheStructuredTotal() {
    CallToolResult result = call("search_servers", Map.of("query", "zzzz"));

    assertThat(text(result)).isEqualTo(RegistryTools.NO_MATCH);
    assertThat(((StructuredJson) result.structuredContent()).text())
        .isEqualTo("{\"servers\":[],\"total\":0}");
  }

  @Test
  void inputSchemas_inGetServerAndRegisterAnswers_leftOutOfSearchAndList() {
    Map<String, Object> schema =
        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
    Map<String, Object> args = new HashMap<>();
    args.put("server_id", "weather-api");
    args.put("name", "Weather");
    args.put("url", "https://weather-api.example.com/mcp");
    args.put(
        "capabilities",
        List.of(Map.of("name", "get_forecast", "description", "Forecast", "inputSchema", schema)));

    CallToolResult registered = call("register_server", args);
    CallToolResult got = call("get_server", Map.of("server_id", "weather-api"));
    CallToolResult found = call("search_servers", Map.of("query", "weather"));
    CallToolResult listed = call("list_servers", Map.of());

    assertThat(
            JSON.valueToTree(registered.structuredContent())
                .at("/server/capabilities/0/inputSchema"))
        .isEqualTo(JSON.valueToTree(schema));
    assertThat(JSON.readTree(text(got)).at("/capabilities/0/inputSchema"))
        .isEqualTo(JSON.valueToTree(schema));
    for (CallToolResult many : List.of(found, listed)) {
      JsonNode servers = JSON.readTree(text(many)).get("servers");
      assertThat(servers.valueStream().map(n -> n.get("name").asString())).contains("weather-api");
      servers.forEach(
          server ->
              server
                  .get("capabilities")
                  .forEach(c -> assertThat(c.has("inputSchema")).as(text(many)).isFalse()));
    }

    args.put(
        "capabilities",
        List.of(Map.of("name", "get_forecast", "inputSchema", List.of("not", "an", "object"))));
    assertThatThrownBy(() -> call("register_server", args))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("capabilities[0].inputSchema")
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void getAndList_textIsTheStructuredContent_inTheEntrysOwnShape() {
    CallToolResult got = call("get_server", Map.of("server_id", "calendar"));
    CallToolResult listed = call("list_servers", Map.of("limit", 2));

    assertThat(text(got)).isEqualTo(((StructuredJson) got.structuredContent()).text());
    assertThat(JSON.readTree(text(got))).isEqualTo(entryAlone("calendar"));
    assertThat(text(listed)).isEqualTo(((StructuredJson) listed.structuredContent()).text());
    Map<String, Object> page =
        JSON.readValue(text(listed), new TypeReference<Map<String, Object>>() {});
    assertThat(page).containsKeys("servers", "nextCursor");
    assertThat((List<?>) page.get("servers")).hasSize(2);
  }
}
