package io.mcpplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP Java SDK client against the real local system running as its own process: the registry's
 * tools over Streamable HTTP, and an entry that survives {@code kill -9} and a restart.
 */
class JavaSdkClientEndToEndTest {

  @TempDir static Path dataDir;

  private static LocalSystemProcess system;

  @BeforeAll
  static void startSystem() throws Exception {
    system = LocalSystemProcess.start(dataDir);
  }

  @AfterAll
  static void stopSystem() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  static McpSyncClient client(LocalSystemProcess target) {
    String authorization = "Bearer " + adminToken(target.dataDir());
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(target.baseUrl())
            .endpoint("/registry/mcp")
            .httpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", authorization))
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * @param dataDir the local system's data directory
   * @return an admin token signed with the local system's key, as {@code ./run-local token
   *     --namespace '*'} would print it
   */
  static String adminToken(Path dataDir) {
    return new io.mcpplatform.registry.auth.TokenService(
            io.mcpplatform.registry.auth.LocalSigningKey.loadOrCreate(dataDir.resolve("registry")),
            java.time.Clock.systemUTC())
        .issue(
            "e2e",
            io.mcpplatform.core.access.Permission.publishAndEdit("*"),
            Duration.ofMinutes(15));
  }

  static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
  }

  static Map<String, Object> server(
      String id,
      String name,
      String description,
      List<String> tags,
      List<Map<String, Object>> capabilities) {
    return Map.of(
        "server_id",
        id,
        "name",
        name,
        "url",
        "http://127.0.0.1:9/" + id + "/mcp",
        "description",
        description,
        "tags",
        tags,
        "capabilities",
        capabilities,
        "version",
        "1.0.0");
  }

  static Map<String, Object> tool(String name, String description) {
    return Map.of("name", name, "type", "tool", "description", description);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> servers(CallToolResult result) {
    return (List<Map<String, Object>>)
        ((Map<String, Object>) result.structuredContent()).get("servers");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> structured(CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  @Test
  void initialize_advertisesRegistryWithTools() {
    try (McpSyncClient client = client(system)) {
      McpSchema.InitializeResult result = client.initialize();

      assertThat(result.serverInfo().name()).isEqualTo("mcp-registry");
      assertThat(result.capabilities().tools()).isNotNull();
      assertThat(result.protocolVersion()).isIn("2025-03-26", "2025-06-18", "2025-11-25");
    }
  }

  @Test
  void toolsList_listsRegistryToolsWithSchemas() {
    try (McpSyncClient client = client(system)) {
      client.initialize();

      List<McpSchema.Tool> tools = client.listTools().tools();

      assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .contains("register_server", "search_servers", "get_server", "list_servers");
      assertThat(tools)
          .allSatisfy(
              tool -> {
                assertThat(tool.inputSchema()).isNotNull();
                assertThat(tool.outputSchema()).isNotNull();
              });
    }
  }

  @Test
  void registerSearchGetList_roundTripThroughRunningSystem() {
    try (McpSyncClient client = client(system)) {
      client.initialize();

      CallToolResult first =
          call(
              client,
              "register_server",
              server(
                  "weather-e2e",
                  "Weather Forecasts",
                  "Weather forecasts and severe weather alerts for any city",
                  List.of("weather", "forecast"),
                  List.of(tool("get_forecast", "Weather forecast for a city"))));
      CallToolResult again =
          call(
              client,
              "register_server",
              server(
                  "weather-e2e",
                  "Weather Forecasts",
                  "Weather forecasts and severe weather alerts for any city",
                  List.of("weather", "forecast"),
                  List.of(tool("get_forecast", "Weather forecast for a city"))));
      call(
          client,
          "register_server",
          server(
              "calendar-e2e",
              "Calendar",
              "Meetings, with a weather icon per day",
              List.of("calendar"),
              List.of(tool("list_events", "Events of a day"))));
      call(
          client,
          "register_server",
          server(
              "stocks-e2e",
              "Stock Quotes",
              "Quotes for listed companies",
              List.of("finance"),
              List.of(tool("quote", "Price of a ticker"))));

      assertThat(first.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(structured(first)).containsEntry("status", "registered");
      assertThat(structured(again)).containsEntry("status", "updated");

      CallToolResult search = call(client, "search_servers", Map.of("query", "weather forecast"));
      List<Map<String, Object>> hits = servers(search);
      assertThat(hits)
          .extracting(h -> h.get("name"))
          .startsWith("weather-e2e")
          .doesNotContain("stocks-e2e");
      assertThat(hits)
          .extracting(h -> ((Number) h.get("score")).doubleValue())
          .isSortedAccordingTo((a, b) -> Double.compare(b, a));
      assertThat(((McpSchema.TextContent) search.content().get(0)).text()).contains("weather-e2e");

      CallToolResult get = call(client, "get_server", Map.of("server_id", "weather-e2e"));
      assertThat(get.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(structured(get))
          .containsEntry("name", "weather-e2e")
          .containsEntry("title", "Weather Forecasts");

      CallToolResult list = call(client, "list_servers", Map.of("limit", 100));
      assertThat(servers(list))
          .extracting(s -> s.get("name"))
          .contains("weather-e2e", "calendar-e2e", "stocks-e2e");
    }
  }

  @Test
  void getServer_isErrorNamingTheId_whenUnknown() {
    try (McpSyncClient client = client(system)) {
      client.initialize();

      CallToolResult result = call(client, "get_server", Map.of("server_id", "no-such-server"));

      assertThat(result.isError()).isTrue();
      assertThat(((McpSchema.TextContent) result.content().get(0)).text())
          .contains("no-such-server");
    }
  }

  @Test
  void registeredEntry_isFoundAgain_afterKillMinus9AndRestart(@TempDir Path ownDataDir)
      throws Exception {
    LocalSystemProcess first = LocalSystemProcess.start(ownDataDir);
    try (McpSyncClient client = client(first)) {
      client.initialize();
      CallToolResult registered =
          call(
              client,
              "register_server",
              server(
                  "durable-e2e",
                  "Durable Geocoder",
                  "Turns street addresses into coordinates",
                  List.of("maps", "geocoding"),
                  List.of(tool("geocode", "Coordinates of an address"))));
      assertThat(structured(registered)).containsEntry("status", "registered");
    }

    first.kill();
    assertThat(first.isAlive()).isFalse();

    try (LocalSystemProcess second = first.restart();
        McpSyncClient client = client(second)) {
      client.initialize();

      CallToolResult get = call(client, "get_server", Map.of("server_id", "durable-e2e"));
      CallToolResult search =
          call(client, "search_servers", Map.of("query", "geocoding addresses"));

      assertThat(get.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(structured(get))
          .containsEntry("name", "durable-e2e")
          .containsEntry("title", "Durable Geocoder");
      // the local system registers its own functions (maps) too: the entry must rank first, not be
      // alone
      assertThat(servers(search)).extracting(s -> s.get("name")).first().isEqualTo("durable-e2e");
    }
  }
}
