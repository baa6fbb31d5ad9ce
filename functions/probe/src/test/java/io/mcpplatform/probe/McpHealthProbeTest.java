package io.mcpplatform.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe against real MCP servers and scripted misbehaving ones, all on loopback. */
class McpHealthProbeTest {

  // generous budgets: these tests assert what the probe reports, not how fast, and must hold on a
  // busy
  // machine; the timeout test below sets its own short budget
  private static final ProbeSettings LOCAL =
      ProbeSettings.defaults(AddressPolicy.allowingLoopback())
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
          .withMaxResponseBytes(64 * 1024);

  private static ProbeResult probe(ProbeSettings settings, String type, String url) {
    return new McpHealthProbe(settings).probe(new Remote(type, url, null));
  }

  private static ProbeResult probe(String url) {
    return probe(LOCAL, Remote.STREAMABLE_HTTP, url);
  }

  private static Resolver fixed(Map<String, String> answers) {
    return host -> {
      String ip = answers.get(host);
      if (ip == null) {
        throw new UnknownHostException(host);
      }
      String[] all = ip.split(",");
      InetAddress[] out = new InetAddress[all.length];
      for (int i = 0; i < all.length; i++) {
        out[i] = InetAddress.getByName(all[i]);
      }
      return out;
    };
  }

  @Test
  void probe_reportsUpWithVersionServerAndTools_whenStreamableServerIsHealthy() throws Exception {
    try (McpTestServers.Host server = McpTestServers.streamable()) {
      ProbeResult result = probe(server.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.UP);
      assertThat(result.protocolVersion()).isEqualTo(McpHealthProbe.REQUESTED_PROTOCOL_VERSION);
      assertThat(result.serverName()).isEqualTo("probe-test-server");
      assertThat(result.serverVersion()).isEqualTo("1.2.3");
      assertThat(result.discovered())
          .extracting(Capability::name)
          .containsExactlyInAnyOrder("ping", "echo");
      assertThat(result.discovered()).allMatch(c -> c.type().equals(Capability.TOOL));
      assertThat(result.discovered())
          .extracting(Capability::inputSchema)
          .containsOnly(
              Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))));
      assertThat(result.latencyMillis()).isNotNull();
    }
  }

  @Test
  void probe_keepsEveryTool_butDropsSchemasOverTheirBounds() throws Exception {
    Map<String, String> schemas = new LinkedHashMap<>();
    schemas.put("small", "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}");
    schemas.put("huge", schemaWithText(20_000));
    for (int i = 0; i < 5; i++) {
      schemas.put("big" + i, schemaWithText(15_000));
    }
    try (McpTestServers.Host server = McpTestServers.streamableWithSchemas(schemas)) {
      ProbeResult result =
          probe(LOCAL.withMaxResponseBytes(1 << 20), Remote.STREAMABLE_HTTP, server.url("/mcp"));

      assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(ProbeOutcome.UP);
      Map<String, Capability> found = new LinkedHashMap<>();
      result.discovered().forEach(c -> found.put(c.name(), c));
      assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(schemas.keySet());
      assertThat(found.get("small").inputSchema())
          .isEqualTo(Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string"))));
      // over the per-schema bound: the tool stays, its schema goes
      assertThat(found.get("huge").inputSchema()).isNull();
      assertThat(found.get("huge").description()).isEqualTo("Tool huge");
      // four of the five 15 KB schemas fit the list's 64 KiB, in the server's order
      List<Capability> big =
          result.discovered().stream().filter(c -> c.name().startsWith("big")).toList();
      assertThat(big)
          .extracting(c -> c.inputSchema() != null)
          .containsExactly(true, true, true, true, false);
      int total =
          result.discovered().stream()
              .mapToInt(c -> InputSchemas.compactBytes(c.inputSchema()))
              .sum();
      assertThat(total).isLessThanOrEqualTo(InputSchemas.MAX_TOTAL_BYTES);
    }
  }

  private static String schemaWithText(int length) {
    return "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\",\"description\":\""
        + "x".repeat(length)
        + "\"}}}";
  }

  @Test
  void probe_reportsUpWithTools_whenLegacySseServerIsHealthy() throws Exception {
    try (McpTestServers.Host server = McpTestServers.legacySse()) {
      ProbeResult result = probe(LOCAL, Remote.SSE, server.url("/sse"));

      assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(ProbeOutcome.UP);
      assertThat(result.serverName()).isEqualTo("legacy-test-server");
      assertThat(result.protocolVersion()).isNotBlank();
      assertThat(result.discovered()).extracting(Capability::name).containsExactly("ping");
    }
  }

  @Test
  void probe_reportsTimeout_whenServerNeverAnswers() throws Exception {
    try (RawServer slow = new RawServer((socket, head) -> Thread.sleep(30_000))) {
      ProbeResult result =
          probe(
              LOCAL.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(1500)),
              Remote.STREAMABLE_HTTP,
              slow.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail()).contains("no complete answer within 1500 ms");
    }
  }

  @Test
  void probe_reportsConnectionRefused_whenNothingListens() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    ProbeResult result = probe("http://127.0.0.1:" + port + "/mcp");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
    assertThat(result.detail()).isEqualTo("connection refused");
  }

  @Test
  void probe_reportsNotHttp_whenServerSpeaksGarbage() throws Exception {
    try (RawServer garbage =
        new RawServer(
            (socket, head) -> RawServer.write(socket, "SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001"))) {
      ProbeResult result = probe(garbage.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail()).isEqualTo("the server did not answer with HTTP");
    }
  }

  @Test
  void probe_reportsNotJson_whenServerAnswersHtml() throws Exception {
    try (RawServer html =
        new RawServer(
            (socket, head) ->
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n<html>hi</html>"))) {
      ProbeResult result = probe(html.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail()).isEqualTo("the server's answer to initialize is not valid JSON");
    }
  }

  @Test
  void probe_doesNotFollowRedirect_whenServerRedirectsToPrivateAddress() throws Exception {
    try (RawServer redirect =
        new RawServer(
            (socket, head) ->
                RawServer.write(
                    socket,
                    "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://10.0.0.1/mcp\r\nContent-Length: 0\r\n\r\n"))) {
      ProbeResult result = probe(redirect.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail())
          .contains("redirect (HTTP 307 to http://10.0.0.1/mcp)")
          .contains("not followed");
      assertThat(redirect.connections()).isEqualTo(1);
    }
  }

  @Test
  void probe_doesNotFollowRedirect_evenToAnAllowedAddress() throws Exception {
    try (McpTestServers.Host healthy = McpTestServers.streamable();
        RawServer redirect =
            new RawServer(
                (socket, head) ->
                    RawServer.write(
                        socket,
                        "HTTP/1.1 302 Found\r\nLocation: "
                            + healthy.url("/mcp")
                            + "\r\nContent-Length: 0\r\n\r\n"))) {
      ProbeResult result = probe(redirect.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail()).contains("HTTP 302").contains("not followed");
    }
  }

  @Test
  void probe_stopsReading_whenServerStreamsForever() throws Exception {
    try (RawServer endless =
        new RawServer(
            (socket, head) -> {
              RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n");
              while (true) {
                RawServer.write(
                    socket,
                    "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\n\n");
              }
            })) {
      ProbeResult result = probe(endless.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail())
          .isIn("the server sent more than 65536 bytes", "no complete answer within 10000 ms");
    }
  }

  @Test
  void probe_reportsJsonRpcError_whenInitializeFails() throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Unsupported protocol version\"}}";
    try (RawServer failing =
        new RawServer(
            (socket, head) ->
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length()
                        + "\r\n\r\n"
                        + body))) {
      ProbeResult result = probe(failing.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
      assertThat(result.detail())
          .isEqualTo("initialize failed: JSON-RPC error -32602 Unsupported protocol version");
    }
  }

  @Test
  void probe_readsResponseFromEventStream_andSendsSessionAndVersionHeaders() throws Exception {
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":"
            + "{\"tools\":{}},\"serverInfo\":{\"name\":\"sse-answers\",\"version\":\"2\"}}}";
    String tools =
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[{\"name\":\"forecast\",\"description\":"
            + "\"Weather\",\"inputSchema\":{\"type\":\"object\"}},{\"name\":\"broken\","
            + "\"inputSchema\":\"not an object\"}]}}";
    try (RawServer server =
        new RawServer(
            (socket, head) -> {
              if (head.contains("DELETE ")) {
                RawServer.write(socket, "HTTP/1.1 204 No Content\r\n\r\n");
              } else if (!head.contains("Mcp-Session-Id")) {
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nMcp-Session-Id: s-42\r\n\r\n"
                        + ": comment\n\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}\n\n"
                        + "data: "
                        + init
                        + "\n\n");
              } else if (head.contains("Content-Length: 54")) {
                RawServer.write(socket, "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
              } else {
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(tools.length() + 8)
                        + "\r\ndata: "
                        + tools
                        + "\n\n\r\n0\r\n\r\n");
              }
            })) {
      ProbeResult result = probe(server.url("/mcp"));

      assertThat(result.outcome()).as(String.valueOf(result.detail())).isEqualTo(ProbeOutcome.UP);
      assertThat(result.protocolVersion()).isEqualTo("2025-06-18");
      assertThat(result.discovered())
          .containsExactly(
              new Capability("forecast", Capability.TOOL, "Weather", Map.of("type", "object")),
              new Capability("broken", Capability.TOOL, null));
      assertThat(server.heads().get(1))
          .contains("Mcp-Session-Id: s-42")
          .contains("MCP-Protocol-Version: 2025-06-18");
      assertThat(server.heads()).anyMatch(h -> h.startsWith("DELETE /mcp"));
    }
  }

  @Test
  void probe_refusesLoopback_andConnectsNowhere_whenLoopbackIsDenied() throws Exception {
    try (RawServer server =
        new RawServer((socket, head) -> RawServer.write(socket, "HTTP/1.1 500 x\r\n\r\n"))) {
      ProbeResult result =
          probe(
              ProbeSettings.defaults(AddressPolicy.strict()),
              Remote.STREAMABLE_HTTP,
              server.url("/mcp"));

      assertThat(result.outcome()).isEqualTo(ProbeOutcome.REFUSED);
      assertThat(result.detail()).contains("loopback address (127.0.0.1)");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void probe_refusesLoopbackIpv6Literal_whenLoopbackIsDenied() {
    ProbeResult result =
        probe(
            ProbeSettings.defaults(AddressPolicy.strict()),
            Remote.STREAMABLE_HTTP,
            "https://[::1]:8443/mcp");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.REFUSED);
  }

  @Test
  void probe_refusesName_whenItResolvesToPrivateAddress() {
    ProbeSettings settings =
        ProbeSettings.defaults(AddressPolicy.strict())
            .withResolver(fixed(Map.of("internal.example.com", "10.1.2.3")));

    ProbeResult result =
        probe(settings, Remote.STREAMABLE_HTTP, "https://internal.example.com/mcp");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.REFUSED);
    assertThat(result.detail()).contains("private address (10.1.2.3)");
  }

  @Test
  void probe_refusesName_whenAnyOfItsAddressesIsRefused() {
    ProbeSettings settings =
        ProbeSettings.defaults(AddressPolicy.allowingLoopback())
            .withResolver(fixed(Map.of("split.example.com", "127.0.0.1,fd12:3456::1")));

    ProbeResult result = probe(settings, Remote.STREAMABLE_HTTP, "http://split.example.com/mcp");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.REFUSED);
    assertThat(result.detail()).contains("unique-local");
  }

  @Test
  void probe_refusesMetadataAddress_evenWhenLoopbackIsAllowed() {
    ProbeSettings settings =
        ProbeSettings.defaults(AddressPolicy.allowingLoopback())
            .withResolver(fixed(Map.of("metadata.example.com", "169.254.169.254")));

    assertThat(
            probe(settings, Remote.STREAMABLE_HTTP, "http://metadata.example.com/latest/meta-data")
                .outcome())
        .isEqualTo(ProbeOutcome.REFUSED);
    assertThat(probe(LOCAL, Remote.SSE, "http://169.254.169.254/sse").outcome())
        .isEqualTo(ProbeOutcome.REFUSED);
    assertThat(probe(LOCAL, Remote.STREAMABLE_HTTP, "http://[fd00:ec2::254]/mcp").outcome())
        .isEqualTo(ProbeOutcome.REFUSED);
  }

  @Test
  void probe_connectsToTheVettedAddress_withTheOriginalHostHeader() throws Exception {
    try (RawServer server =
        new RawServer((socket, head) -> RawServer.write(socket, "garbage\r\n"))) {
      ProbeSettings settings = LOCAL.withResolver(fixed(Map.of("mcp.example.test", "127.0.0.1")));

      probe(
          settings,
          Remote.STREAMABLE_HTTP,
          "http://mcp.example.test:" + server.port() + "/mcp?x=1");

      assertThat(server.heads()).hasSize(1);
      assertThat(server.heads().get(0))
          .startsWith("POST /mcp?x=1 HTTP/1.1\r\n")
          .contains("Host: mcp.example.test:" + server.port() + "\r\n");
    }
  }

  @Test
  void probe_reportsDown_whenNameDoesNotResolve() {
    ProbeResult result =
        probe(
            LOCAL.withResolver(fixed(Map.of())),
            Remote.STREAMABLE_HTTP,
            "https://nowhere.example.com/mcp");

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.DOWN);
    assertThat(result.detail()).isEqualTo("the host name does not resolve");
  }
}
