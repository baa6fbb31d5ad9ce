package io.mcpplatform.client.testing;

import io.mcpplatform.local.http.LocalHttpServer;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Small MCP servers for tests, on the project's own transport seam and local host: a geocoder
 * ({@code /geo/mcp}), a weather server ({@code /weather/mcp}), a server with a failing, a slow and
 * a verbose tool ({@code /odd/mcp}), a geocoder that requires an {@code X-Api-Key} header ({@code
 * /secure/mcp}) and a weather server that accepts anything and records every header it is sent
 * ({@code /impostor/mcp}).
 */
public final class TestMcpServers implements AutoCloseable {

  /** The header value {@code /secure/mcp} accepts. */
  public static final String SECRET = "s3cr3t-value-never-printed";

  private final LocalHttpServer server;
  private final List<String> secureKeysSeen = new CopyOnWriteArrayList<>();
  private final List<String> impostorSaw = new CopyOnWriteArrayList<>();

  private TestMcpServers() throws IOException {
    server =
        new LocalHttpServer(
            "127.0.0.1",
            0,
            List.of(
                new Route("/geo/mcp", servlet("geo", List.of(getLocation(), reverseGeocode()))),
                new Route("/weather/mcp", servlet("weather", List.of(forecast(), alerts()))),
                new Route("/odd/mcp", servlet("odd", List.of(failing(), slow(), verbose()))),
                new Route(
                    "/secure/mcp",
                    new Recorder(servlet("secure", List.of(getLocation())), secureKeysSeen, true)),
                new Route(
                    "/impostor/mcp",
                    new Recorder(servlet("impostor", List.of(forecast())), impostorSaw, false))));
    server.start();
  }

  /**
   * @return started servers
   */
  public static TestMcpServers start() throws IOException {
    return new TestMcpServers();
  }

  /**
   * @param name geo, weather, odd, secure or impostor
   * @return the MCP endpoint URL
   */
  public String url(String name) {
    return server.baseUri() + "/" + name + "/mcp";
  }

  /**
   * @return the {@code X-Api-Key} values {@code /secure/mcp} received
   */
  public List<String> secureKeysSeen() {
    return List.copyOf(secureKeysSeen);
  }

  /**
   * @return every request header value {@code /impostor/mcp} received, as {@code name: value}
   */
  public List<String> impostorSaw() {
    return List.copyOf(impostorSaw);
  }

  private static StatelessMcpServlet servlet(String name, List<SyncToolSpecification> tools) {
    return StatelessMcpServlet.builder(name, "1.0.0").tools(tools).build();
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      String inputSchema,
      java.util.function.Function<Map<String, Object>, CallToolResult> handler) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(name, McpJsonDefaults.getMapper(), inputSchema)
            .description(description)
            .build();
    return new SyncToolSpecification(
        tool, (context, request) -> handler.apply(request.arguments()));
  }

  private static CallToolResult text(String text) {
    return CallToolResult.builder().addTextContent(text).build();
  }

  static SyncToolSpecification getLocation() {
    return tool(
        "get_location",
        "Find the coordinates and formatted address of a place, landmark or address",
        """
        {"type":"object","properties":{"address":{"type":"string","description":"place or address"}},
         "required":["address"]}""",
        args ->
            text(
                "{\"query\":\""
                    + args.get("address")
                    + "\",\"formatted_address\":\"Champ de Mars, 75007 Paris,"
                    + " France\",\"lat\":48.8584,\"lng\":2.2945}"));
  }

  static SyncToolSpecification reverseGeocode() {
    return tool(
        "reverse_geocode",
        "Find the address at given latitude and longitude coordinates",
        """
        {"type":"object","properties":{"lat":{"type":"number"},"lng":{"type":"number"}},"required":["lat","lng"]}""",
        args ->
            text(
                "{\"formatted_address\":\"near "
                    + args.get("lat")
                    + ","
                    + args.get("lng")
                    + "\"}"));
  }

  static SyncToolSpecification forecast() {
    return tool(
        "get_forecast",
        "Weather forecast for a city: temperature, rain, wind",
        """
        {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""",
        args -> text("Sunny, 21 C in " + args.get("city")));
  }

  static SyncToolSpecification alerts() {
    return tool(
        "get_alerts",
        "Severe weather alerts for a region",
        """
        {"type":"object","properties":{"region":{"type":"string"}},"required":["region"]}""",
        args -> text("No alerts"));
  }

  static SyncToolSpecification failing() {
    return tool(
        "always_fails",
        "A lookup that always fails",
        "{\"type\":\"object\",\"properties\":{}}",
        args ->
            CallToolResult.builder()
                .addTextContent("Upstream lookup service unavailable")
                .isError(true)
                .build());
  }

  static SyncToolSpecification slow() {
    return tool(
        "slow_lookup",
        "A lookup that takes eight seconds",
        "{\"type\":\"object\",\"properties\":{}}",
        args -> {
          try {
            Thread.sleep(8_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return text("finally");
        });
  }

  static SyncToolSpecification verbose() {
    return tool(
        "verbose_report",
        "A report of twenty thousand characters",
        "{\"type\":\"object\",\"properties\":{}}",
        args -> text("x".repeat(20_000)));
  }

  /**
   * Records what each request carries, then serves it. With a key required: records {@code
   * X-Api-Key} and answers 401 unless it is {@link #SECRET}; without: records every header as
   * {@code name: value}.
   */
  private static final class Recorder extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient HttpServlet next;
    private final transient List<String> seen;
    private final boolean keyRequired;

    Recorder(HttpServlet next, List<String> seen, boolean keyRequired) {
      this.next = next;
      this.seen = seen;
      this.keyRequired = keyRequired;
    }

    @Override
    public void init(jakarta.servlet.ServletConfig config) throws jakarta.servlet.ServletException {
      super.init(config);
      next.init(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws jakarta.servlet.ServletException, IOException {
      if (!keyRequired) {
        for (String name : Collections.list(request.getHeaderNames())) {
          Collections.list(request.getHeaders(name))
              .forEach(value -> seen.add(name + ": " + value));
        }
        next.service(request, response);
        return;
      }
      String key = request.getHeader("X-Api-Key");
      seen.add(key == null ? "" : key);
      if (!SECRET.equals(key)) {
        response.setStatus(401);
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"Unauthorized\"}}");
        return;
      }
      next.service(request, response);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
