package io.mcpplatform.mcpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The legacy HTTP+SSE transport against a scripted 2024-11-05 server (GET opens the stream, its
 * first event names the message URL, POSTs are accepted with 202 and answered on the stream),
 * progress notifications, and the {@link HostResolver} hook that pins the address every connection
 * goes to.
 */
class LegacySseTest {

  private HttpServer server;
  private volatile OutputStream stream;
  private volatile String endpointEvent = "/messages?sessionId=abc";
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> posted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/sse",
        e -> {
          hosts.add(e.getRequestHeaders().getFirst("Host"));
          e.getResponseHeaders().add("Content-Type", "text/event-stream");
          e.sendResponseHeaders(200, 0);
          stream = e.getResponseBody();
          write("event: endpoint\ndata: " + endpointEvent + "\n\n");
        });
    server.createContext("/messages", this::message);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private synchronized void write(String text) throws IOException {
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    stream.flush();
  }

  private void event(Object message) throws IOException {
    write("event: message\ndata: " + Json.text(message) + "\n\n");
  }

  /**
   * Accepts each message with 202 and answers requests on the stream, as the 2024-11-05 servers do.
   */
  private void message(HttpExchange e) throws IOException {
    try (e) {
      hosts.add(e.getRequestHeaders().getFirst("Host"));
      Map<String, Object> body = Json.object(Json.parse(e.getRequestBody()));
      posted.add(body);
      e.sendResponseHeaders(202, -1);
      Object id = body.get("id");
      String method = Json.string(body, "method");
      if (id == null || method == null) {
        return;
      }
      switch (method) {
        case "initialize" ->
            event(
                Map.of(
                    "jsonrpc",
                    "2.0",
                    "id",
                    id,
                    "result",
                    Map.of(
                        "protocolVersion",
                        "2024-11-05",
                        "capabilities",
                        Map.of("tools", Map.of()),
                        "serverInfo",
                        Map.of("name", "legacy"))));
        case "tools/call" -> {
          Object token =
              Json.object(Json.object(body.get("params")).get("_meta")).get("progressToken");
          event(
              Map.of(
                  "jsonrpc",
                  "2.0",
                  "method",
                  "notifications/progress",
                  "params",
                  Map.of("progressToken", "someone-else", "progress", 9)));
          event(Map.of("jsonrpc", "2.0", "id", "srv-1", "method", "ping"));
          event(
              Map.of(
                  "jsonrpc",
                  "2.0",
                  "method",
                  "notifications/progress",
                  "params",
                  Map.of(
                      "progressToken", token, "progress", 1, "total", 2, "message", "half way")));
          event(Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("content", List.of())));
        }
        case "tools/list" -> stream.close();
        default -> event(Map.of("jsonrpc", "2.0", "id", id, "result", Map.of()));
      }
    }
  }

  private URI sse(String host) {
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/sse");
  }

  private McpSession session(URI uri, HostResolver resolver) {
    return McpSession.builder(uri)
        .transport(McpTransport.SSE)
        .resolver(resolver)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void legacyServer_handshakeAndCall_answersOnTheStream_withProgressAndPingOnTheWay() {
    List<String> progress = new ArrayList<>();
    try (McpSession session = session(sse("127.0.0.1"), HostResolver.SYSTEM)) {
      Map<String, Object> init = session.initialize();
      Map<String, Object> result =
          session.request(
              "tools/call",
              Map.of("name", "x"),
              (done, total, message) -> progress.add(done + "/" + total + " " + message));

      assertEquals("2024-11-05", session.protocolVersion());
      assertEquals("legacy", Json.object(init.get("serverInfo")).get("name"));
      assertEquals(List.of(), result.get("content"));
    }
    assertEquals(List.of("1.0/2.0 half way"), progress, "only the request's own token counts");
    assertEquals("notifications/initialized", posted.get(1).get("method"));
    Map<String, Object> pong =
        posted.stream().filter(m -> "srv-1".equals(m.get("id"))).findFirst().orElseThrow();
    assertEquals(Map.of(), pong.get("result"), "the server's ping is answered at the message URL");
  }

  @Test
  void streamClosedBeforeTheAnswer_isAReadableFailure() {
    try (McpSession session = session(sse("127.0.0.1"), HostResolver.SYSTEM)) {
      session.initialize();
      McpException f = assertThrows(McpException.class, () -> session.request("tools/list", null));
      assertEquals(
          "the server closed its event stream before answering tools/list", f.getMessage());
    }
  }

  @Test
  void endpointOnAnotherOrigin_isNotFollowed() {
    endpointEvent = "http://169.254.169.254/messages?sessionId=abc";
    try (McpSession session = session(sse("127.0.0.1"), HostResolver.SYSTEM)) {
      McpException f = assertThrows(McpException.class, session::initialize);
      assertEquals(
          "the endpoint event names another origin, which is not followed", f.getMessage());
    }
    assertTrue(posted.isEmpty());
  }

  @Test
  void resolverHook_pinsOneAddressForEveryConnection_andKeepsTheHostName() {
    AtomicInteger asked = new AtomicInteger();
    HostResolver pinned =
        host -> {
          asked.incrementAndGet();
          if (!host.equals("mcp.example.test")) {
            throw new UnknownHostException(host);
          }
          return InetAddress.getLoopbackAddress();
        };
    try (McpSession session = session(sse("mcp.example.test"), pinned)) {
      session.initialize();
      session.request("ping", null);
    }
    assertEquals(1, asked.get(), "resolved once per session");
    assertTrue(hosts.size() >= 4, "the stream and each message: " + hosts);
    assertTrue(
        hosts.stream().allMatch(h -> h.equals("mcp.example.test:" + server.getAddress().getPort())),
        hosts.toString());
  }

  @Test
  void resolverRefusal_endsTheSessionBeforeAnyPacket() {
    HostResolver refusing =
        host -> {
          throw new IOException(
              "the host resolves to a private address, which is not connected to");
        };
    try (McpSession session = session(sse("127.0.0.1"), refusing)) {
      McpException f = assertThrows(McpException.class, session::initialize);
      assertEquals(McpException.Kind.CONNECT, f.kind());
      assertEquals(
          "the host resolves to a private address, which is not connected to", f.getMessage());
    }
    assertTrue(hosts.isEmpty(), "nothing reached the server");
  }
}
