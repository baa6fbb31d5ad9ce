package io.mcpplatform.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LocalHttpServerTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private LocalHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static StatelessMcpServlet mcp() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder("ping_tool", Map.of("type", "object"))
            .description("answers pong")
            .build();
    SyncToolSpecification spec =
        new SyncToolSpecification(
            tool,
            (context, request) ->
                McpSchema.CallToolResult.builder().addTextContent("pong").build());
    return StatelessMcpServlet.builder("local-test", "1").tools(List.of(spec)).build();
  }

  private LocalHttpServer started(List<Route> routes) throws IOException {
    server = new LocalHttpServer("127.0.0.1", 0, routes).start();
    return server;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertJsonRpcError(String body) {
    assertThat(body).doesNotContain("Exception", "at io.", "java.", "<html");
    JsonNode root = MAPPER.readTree(body);
    assertThat(root.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(root.path("error").path("code").isIntegralNumber()).isTrue();
    assertThat(root.path("error").path("message").asString()).isNotBlank();
  }

  @Test
  void healthz_answersOkJson() throws Exception {
    started(List.of());

    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(MAPPER.readTree(response.body()).path("status").asString()).isEqualTo("ok");
  }

  @Test
  void unknownPath_answers404JsonError() throws Exception {
    started(List.of(new Route("/maps/mcp", mcp())));

    HttpResponse<String> response = get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertJsonRpcError(response.body());
  }

  @Test
  void mcpRoute_servesSdkClient() throws Exception {
    started(List.of(new Route("/maps/mcp", mcp())));
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(server.baseUri().toString())
            .endpoint("/maps/mcp")
            .build();
    McpSyncClient client = McpClient.sync(transport).build();
    try {
      client.initialize();

      McpSchema.CallToolResult result =
          client.callTool(
              McpSchema.CallToolRequest.builder("ping_tool").arguments(Map.of()).build());

      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("pong");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void mcpRoute_answers421_whenHostIsForeign() throws Exception {
    started(List.of(new Route("/maps/mcp", mcp())));

    RawResponse response = rawPost("/maps/mcp", "attacker.example:" + server.port(), null);

    assertThat(response.status()).isEqualTo(421);
    assertJsonRpcError(response.body());
  }

  @Test
  void mcpRoute_answers403_whenOriginIsForeign() throws Exception {
    started(List.of(new Route("/maps/mcp", mcp())));

    RawResponse response =
        rawPost("/maps/mcp", "localhost:" + server.port(), "http://attacker.example");

    assertThat(response.status()).isEqualTo(403);
    assertJsonRpcError(response.body());
  }

  @Test
  void legacySseRoutes_checkHostAndOriginAsTheMcpRouteDoes() throws Exception {
    started(
        io.mcpplatform.transport.LegacySse.localRoutes(
            List.of(new Route("/maps/mcp", mcp())),
            io.mcpplatform.transport.LegacySse.Limits.defaults()));
    String loopback = "127.0.0.1:" + server.port();

    String foreignHost =
        rawExchange(
            "GET /maps/sse HTTP/1.1\r\nHost: attacker.example:"
                + server.port()
                + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n");
    String foreignOrigin =
        rawExchange(
            "GET /maps/sse HTTP/1.1\r\nHost: "
                + loopback
                + "\r\nOrigin: http://attacker.example\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n");
    RawResponse post =
        rawPost("/maps/messages?sessionId=x", "attacker.example:" + server.port(), null);

    assertThat(foreignHost).startsWith("HTTP/1.1 421");
    assertThat(foreignOrigin).startsWith("HTTP/1.1 403");
    assertThat(post.status()).isEqualTo(421);
    assertJsonRpcError(post.body());
  }

  @Test
  void mcpRoute_acceptsEveryLoopbackHostAndOrigin() throws Exception {
    started(List.of(new Route("/maps/mcp", mcp())));
    int port = server.port();

    for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
      RawResponse response = rawPost("/maps/mcp", host + ":" + port, "http://" + host + ":" + port);

      assertThat(response.status()).as(host).isEqualTo(200);
      assertThat(MAPPER.readTree(response.body()).path("result").path("tools").size()).isEqualTo(1);
    }
  }

  @Test
  void malformedHttp_answersJsonErrorWithoutHtml() throws Exception {
    started(List.of());

    String raw =
        rawExchange(
            "GET /%zz%%% HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port()
                + "\r\nConnection: close\r\n\r\n");

    assertThat(raw).startsWith("HTTP/1.1 400");
    assertJsonRpcError(raw.substring(raw.indexOf("\r\n\r\n") + 4));
  }

  @Test
  void start_fails_whenPortIsTaken() throws Exception {
    started(List.of());

    LocalHttpServer second = new LocalHttpServer("127.0.0.1", server.port(), List.of());

    assertThatThrownBy(second::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Cannot listen");
  }

  @Test
  void stop_letsRequestInFlightFinish_thenRefusesConnections() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServlet slow =
        new HttpServlet() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            entered.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            response.setContentType("application/json");
            response.getWriter().write("{\"done\":true}");
          }
        };
    started(List.of(new Route("/slow", slow)));
    int port = server.port();
    CompletableFuture<HttpResponse<String>> inFlight =
        http.sendAsync(
            HttpRequest.newBuilder(server.baseUri().resolve("/slow")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
    release.countDown();

    HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
    stopping.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"done\":true}");
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    server.stop();
  }

  private record RawResponse(int status, String body) {}

  private RawResponse rawPost(String path, String host, String origin) throws IOException {
    byte[] body = TOOLS_LIST.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("POST " + path + " HTTP/1.1\r\n")
            .append("Host: ")
            .append(host)
            .append("\r\n")
            .append("Content-Type: application/json\r\n")
            .append("Accept: application/json, text/event-stream\r\n")
            .append("Content-Length: ")
            .append(body.length)
            .append("\r\n")
            .append("Connection: close\r\n");
    if (origin != null) {
      head.append("Origin: ").append(origin).append("\r\n");
    }
    String raw = rawExchange(head.append("\r\n").toString() + TOOLS_LIST);
    return new RawResponse(
        Integer.parseInt(raw.substring(9, 12)), raw.substring(raw.indexOf("\r\n\r\n") + 4));
  }

  private String rawExchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
