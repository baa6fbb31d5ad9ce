package io.mcpplatform.mcpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library's Streamable HTTP side against a scripted server that speaks the wire format byte for
 * byte: event-stream answers with server requests and notifications before the response, session
 * ids, an expired session, a stream dropped and resumed, time-outs and cancellation, HTTP and
 * JSON-RPC errors, version negotiation, and an answer too large to read.
 */
class StreamableHttpTest {

  /** What the scripted server received. */
  record Received(String method, Map<String, String> headers, Map<String, Object> body) {
    String rpcMethod() {
      return body == null ? null : Json.string(body, "method");
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  interface Script {
    void answer(Received request, HttpExchange exchange) throws IOException;
  }

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
  private volatile Script script;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/mcp",
        exchange -> {
          try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange
                .getRequestHeaders()
                .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Map<String, Object> body =
                bytes.length == 0
                    ? null
                    : Json.object(Json.parse(new String(bytes, StandardCharsets.UTF_8)));
            Received r = new Received(exchange.getRequestMethod(), headers, body);
            received.add(r);
            clientPorts.add(exchange.getRemoteAddress().getPort());
            script.answer(r, exchange);
          } catch (IOException | RuntimeException e) {
            // the client went away (time-out tests); nothing to answer
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private McpSession client(Duration timeout) {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    return McpSession.builder(uri)
        .headers(Map.of("X-Api-Key", "k-123"))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(timeout)
        .clientInfo("mcp-platform-client", "9.9.9")
        .build();
  }

  // --- answers
  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> result(Received r, Object result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", r.body().get("id"));
    m.put("result", result);
    return m;
  }

  private static Map<String, Object> initialized(Received r, String version) {
    return result(
        r,
        Map.of(
            "protocolVersion",
            version,
            "capabilities",
            Map.of("tools", Map.of()),
            "serverInfo",
            Map.of("name", "scripted", "version", "1")));
  }

  private static void json(HttpExchange e, int status, Object body, String... headers)
      throws IOException {
    byte[] bytes = Json.write(body);
    for (int i = 0; i < headers.length; i += 2) {
      e.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    e.getResponseHeaders().add("Content-Type", "application/json");
    e.sendResponseHeaders(status, bytes.length);
    e.getResponseBody().write(bytes);
  }

  private static void accepted(HttpExchange e) throws IOException {
    e.sendResponseHeaders(202, -1);
  }

  private static OutputStream sse(HttpExchange e) throws IOException {
    e.getResponseHeaders().add("Content-Type", "text/event-stream");
    e.sendResponseHeaders(200, 0);
    return e.getResponseBody();
  }

  private static void event(OutputStream out, String id, Object data) throws IOException {
    String text = (id == null ? "" : "id: " + id + "\n") + "data: " + Json.text(data) + "\n\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Initialize and its notification answered plainly; everything else by {@code then}. */
  private Script handshakeThen(Script then) {
    return (r, e) -> {
      if ("initialize".equals(r.rpcMethod())) {
        json(e, 200, initialized(r, "2025-11-25"));
      } else if ("notifications/initialized".equals(r.rpcMethod())) {
        accepted(e);
      } else {
        then.answer(r, e);
      }
    };
  }

  private List<Received> receivedFor(String rpcMethod) {
    List<Received> found = new ArrayList<>();
    for (Received r : received) {
      if (rpcMethod.equals(r.rpcMethod())) {
        found.add(r);
      }
    }
    return found;
  }

  // --- tests
  // -----------------------------------------------------------------------------------------------

  @Test
  void handshake_offersTheNewestVersion_thenSendsTheNegotiatedOneAndTheHeadersOnEveryRequest()
      throws Exception {
    script =
        (r, e) -> {
          if ("initialize".equals(r.rpcMethod())) {
            json(e, 200, initialized(r, "2025-06-18"));
          } else if ("notifications/initialized".equals(r.rpcMethod())) {
            accepted(e);
          } else {
            json(e, 200, result(r, Map.of("tools", List.of())));
          }
        };
    McpSession http = client(Duration.ofSeconds(5));
    Map<String, Object> init = http.initialize();
    http.request("tools/list", null);

    assertEquals("2025-06-18", init.get("protocolVersion"));
    Received initialize = receivedFor("initialize").get(0);
    Map<String, Object> params = Json.object(initialize.body().get("params"));
    assertEquals("2025-11-25", params.get("protocolVersion"), "the newest version is offered");
    assertEquals(
        Map.of("name", "mcp-platform-client", "version", "9.9.9"), params.get("clientInfo"));
    assertEquals("application/json, text/event-stream", initialize.headers().get("accept"));
    assertNull(
        initialize.headers().get("mcp-protocol-version"), "no version header before one is agreed");
    Received list = receivedFor("tools/list").get(0);
    assertEquals("2025-06-18", list.headers().get("mcp-protocol-version"));
    assertEquals("k-123", list.headers().get("x-api-key"));
    assertEquals("mcp-platform-client/9.9.9", list.headers().get("user-agent"));
    assertEquals(1, receivedFor("notifications/initialized").size());
  }

  @Test
  void eventStream_answersPingAndRefusesOtherServerRequests_readsPastNotifications()
      throws Exception {
    script =
        handshakeThen(
            (r, e) -> {
              if ("tools/call".equals(r.rpcMethod())) {
                try (OutputStream out = sse(e)) {
                  out.write(": a comment line\n\n".getBytes(StandardCharsets.UTF_8));
                  event(
                      out,
                      null,
                      Map.of(
                          "jsonrpc",
                          "2.0",
                          "method",
                          "notifications/progress",
                          "params",
                          Map.of("progressToken", 1, "progress", 0.5)));
                  event(out, null, Map.of("jsonrpc", "2.0", "id", "srv-1", "method", "ping"));
                  event(
                      out,
                      null,
                      Map.of(
                          "jsonrpc",
                          "2.0",
                          "id",
                          77,
                          "method",
                          "sampling/createMessage",
                          "params",
                          Map.of()));
                  // a multi-line data field: joined with a line feed, still one JSON document
                  String response =
                      Json.text(
                          result(
                              r,
                              Map.of("content", List.of(Map.of("type", "text", "text", "done")))));
                  out.write(
                      ("data: "
                              + response.replace(",\"result\"", ",\n" + "data: \"result\"")
                              + "\r\n\r\n")
                          .getBytes(StandardCharsets.UTF_8));
                }
              } else {
                accepted(e);
              }
            });
    McpSession http = client(Duration.ofSeconds(5));
    http.initialize();
    Map<String, Object> result =
        http.request("tools/call", Map.of("name", "x", "arguments", Map.of()));

    assertEquals("done", Json.object(Json.array(result.get("content")).get(0)).get("text"));
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Received r : received) {
      if (r.body() != null && r.body().get("method") == null) {
        answers.add(r.body());
      }
    }
    assertEquals(2, answers.size(), "one answer per server request: " + answers);
    assertEquals("srv-1", answers.get(0).get("id"));
    assertEquals(Map.of(), answers.get(0).get("result"), "ping is answered with an empty result");
    assertEquals(77L, answers.get(1).get("id"));
    assertEquals(
        -32601L,
        Json.object(answers.get(1).get("error")).get("code"),
        "a request for a capability the client did not declare is refused");
  }

  @Test
  void session_idGoesOnEveryRequest_expiredSessionIsReinitializedOnce_andDeletedOnClose()
      throws Exception {
    int[] sessions = {0};
    script =
        (r, e) -> {
          String sent = r.headers().get("mcp-session-id");
          if ("initialize".equals(r.rpcMethod())) {
            sessions[0]++;
            json(e, 200, initialized(r, "2025-11-25"), "Mcp-Session-Id", "s-" + sessions[0]);
          } else if ("DELETE".equals(r.method())) {
            e.sendResponseHeaders(200, -1);
          } else if (!("s-" + sessions[0]).equals(sent)
              || "tools/list".equals(r.rpcMethod()) && sessions[0] == 1) {
            // the first session "expires" at the first tools/list
            json(
                e,
                404,
                Map.of(
                    "jsonrpc",
                    "2.0",
                    "error",
                    Map.of("code", -32001, "message", "Session not found")));
          } else if ("notifications/initialized".equals(r.rpcMethod())) {
            accepted(e);
          } else {
            json(e, 200, result(r, Map.of("tools", List.of())));
          }
        };
    McpSession http = client(Duration.ofSeconds(5));
    http.initialize();
    http.request("tools/list", null);
    http.close();

    assertEquals(2, sessions[0], "a new session after the 404");
    List<Received> lists = receivedFor("tools/list");
    assertEquals(
        List.of("s-1", "s-2"), lists.stream().map(r -> r.headers().get("mcp-session-id")).toList());
    Received delete = received.get(received.size() - 1);
    assertEquals("DELETE", delete.method());
    assertEquals("s-2", delete.headers().get("mcp-session-id"));
    assertEquals("2025-11-25", delete.headers().get("mcp-protocol-version"));
  }

  @Test
  void droppedStream_isResumedWithLastEventId() throws Exception {
    script =
        handshakeThen(
            (r, e) -> {
              if ("tools/list".equals(r.rpcMethod())) {
                try (OutputStream out = sse(e)) {
                  out.write("id: ev-1\nretry: 10\ndata: \n\n".getBytes(StandardCharsets.UTF_8));
                }
              } else if ("GET".equals(r.method())) {
                try (OutputStream out = sse(e)) {
                  Map<String, Object> list = receivedFor("tools/list").get(0).body();
                  event(
                      out,
                      "ev-2",
                      Map.of(
                          "jsonrpc",
                          "2.0",
                          "id",
                          list.get("id"),
                          "result",
                          Map.of("tools", List.of())));
                }
              } else {
                accepted(e);
              }
            });
    McpSession http = client(Duration.ofSeconds(5));
    http.initialize();
    Map<String, Object> result = http.request("tools/list", null);

    assertEquals(List.of(), result.get("tools"));
    Received get =
        received.stream().filter(r -> "GET".equals(r.method())).findFirst().orElseThrow();
    assertEquals("ev-1", get.headers().get("last-event-id"));
    assertEquals("text/event-stream", get.headers().get("accept"));
  }

  @Test
  void streamClosedWithoutAnswerOrEventId_isAReadableFailure() throws Exception {
    script =
        handshakeThen(
            (r, e) -> {
              if ("tools/list".equals(r.rpcMethod())) {
                sse(e).close();
              } else {
                accepted(e);
              }
            });
    McpSession http = client(Duration.ofSeconds(5));
    http.initialize();
    McpException f = assertThrows(McpException.class, () -> http.request("tools/list", null));
    assertEquals("the server closed its event stream before answering tools/list", f.getMessage());
  }

  @Test
  void slowAnswer_timesOut_andTheRequestIsCancelled() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    script =
        handshakeThen(
            (r, e) -> {
              if ("tools/call".equals(r.rpcMethod())) {
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                  Thread.currentThread().interrupt();
                }
              } else {
                accepted(e);
              }
            });
    McpSession http = client(Duration.ofSeconds(1));
    http.initialize();
    long start = System.nanoTime();
    McpException f =
        assertThrows(McpException.class, () -> http.request("tools/call", Map.of("name", "slow")));
    long millis = (System.nanoTime() - start) / 1_000_000;
    release.countDown();

    assertEquals("timed out (no complete answer within 1000 ms)", f.getMessage());
    assertTrue(f.retriable());
    assertTrue(millis < 5_000, "gave up after " + millis + " ms");
    long callId = ((Number) receivedFor("tools/call").get(0).body().get("id")).longValue();
    for (int i = 0; i < 100 && receivedFor("notifications/cancelled").isEmpty(); i++) {
      Thread.sleep(20);
    }
    List<Received> cancelled = receivedFor("notifications/cancelled");
    assertEquals(1, cancelled.size(), "the timed-out request is cancelled");
    assertEquals(callId, Json.object(cancelled.get(0).body().get("params")).get("requestId"));
  }

  @Test
  void httpError_carriesTheServersJsonRpcMessage_andAuthFailuresAreNotRetriable() throws Exception {
    script =
        (r, e) ->
            json(
                e,
                401,
                Map.of(
                    "jsonrpc",
                    "2.0",
                    "error",
                    Map.of("code", -32001, "message", "Missing X-Api-Key")));
    McpException f =
        assertThrows(McpException.class, () -> client(Duration.ofSeconds(5)).initialize());
    assertEquals(
        "HTTP 401 for initialize: Missing X-Api-Key (check the credentials configured for this server)",
        f.getMessage());
    assertFalse(f.retriable());

    script =
        (r, e) -> {
          byte[] page = "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(502, page.length);
          e.getResponseBody().write(page);
        };
    f = assertThrows(McpException.class, () -> client(Duration.ofSeconds(5)).initialize());
    assertEquals("HTTP 502 for initialize: <html><body>Bad gateway</body></html>", f.getMessage());
    assertTrue(f.retriable(), "a gateway error may pass");
  }

  @Test
  void jsonRpcErrorAnswer_isTheFailureMessage() throws Exception {
    script =
        handshakeThen(
            (r, e) ->
                json(
                    e,
                    200,
                    Map.of(
                        "jsonrpc",
                        "2.0",
                        "id",
                        r.body().get("id"),
                        "error",
                        Map.of("code", -32602, "message", "Unknown tool: nope"))));
    McpSession http = client(Duration.ofSeconds(5));
    http.initialize();
    McpException f =
        assertThrows(McpException.class, () -> http.request("tools/call", Map.of("name", "nope")));
    assertEquals("Unknown tool: nope", f.getMessage());
    assertFalse(f.retriable());
  }

  @Test
  void unsupportedProtocolVersion_isRefusedByName() throws Exception {
    script = (r, e) -> json(e, 200, initialized(r, "2023-01-01"));
    McpException f =
        assertThrows(McpException.class, () -> client(Duration.ofSeconds(5)).initialize());
    assertEquals(
        "the server answered with MCP protocol version 2023-01-01; this client speaks "
            + "2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05",
        f.getMessage());
    assertTrue(receivedFor("notifications/initialized").isEmpty(), "no session goes on");
  }

  @Test
  void answersThatAreNotMcp_areNamed() throws Exception {
    script =
        handshakeThen(
            (r, e) -> {
              byte[] page = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
              e.getResponseHeaders().add("Content-Type", "text/html");
              e.sendResponseHeaders(200, page.length);
              e.getResponseBody().write(page);
            });
    McpSession http = client(Duration.ofSeconds(5));
    http.initialize();
    McpException f = assertThrows(McpException.class, () -> http.request("tools/list", null));
    assertEquals(
        "the server answered tools/list with content type text/html, not application/json or "
            + "text/event-stream",
        f.getMessage());

    script =
        handshakeThen(
            (r, e) -> {
              byte[] broken = "{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.UTF_8);
              e.getResponseHeaders().add("Content-Type", "application/json");
              e.sendResponseHeaders(200, broken.length);
              e.getResponseBody().write(broken);
            });
    f = assertThrows(McpException.class, () -> http.request("tools/list", null));
    assertTrue(
        f.getMessage().startsWith("the server's answer to tools/list is not valid JSON"),
        f.getMessage());

    script = handshakeThen((r, e) -> accepted(e));
    f = assertThrows(McpException.class, () -> http.request("tools/list", null));
    assertEquals("the server accepted tools/list without answering it (HTTP 202)", f.getMessage());
  }

  @Test
  void answerLargerThanTheLimit_failsWithoutReadingItAll() throws Exception {
    script =
        handshakeThen(
            (r, e) -> {
              e.getResponseHeaders().add("Content-Type", "application/json");
              e.sendResponseHeaders(200, 0);
              try (OutputStream out = e.getResponseBody()) {
                out.write(
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"pad\":\""
                        .getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i <= McpSession.DEFAULT_MAX_MESSAGE_BYTES / chunk.length; i++) {
                  out.write(chunk);
                }
                out.write("\"}}".getBytes(StandardCharsets.UTF_8));
              }
            });
    McpSession http = client(Duration.ofSeconds(10));
    http.initialize();
    McpException f = assertThrows(McpException.class, () -> http.request("tools/list", null));
    assertEquals("the server sent more than 16 MB", f.getMessage());
    assertFalse(f.retriable());
  }

  @Test
  void unreachableServer_isRetriableAndSaysSo() throws Exception {
    int port = server.getAddress().getPort();
    server.stop(0);
    McpSession http =
        McpSession.builder(URI.create("http://127.0.0.1:" + port + "/mcp"))
            .connectTimeout(Duration.ofSeconds(1))
            .requestTimeout(Duration.ofSeconds(2))
            .build();
    McpException f = assertThrows(McpException.class, http::initialize);
    assertEquals("connection refused", f.getMessage());
    assertTrue(f.retriable());
    assertNotNull(f.getCause());
  }

  @Test
  void answersReadToTheEnd_leaveTheConnectionForTheNextRequest() throws Exception {
    script = handshakeThen((r, e) -> json(e, 200, result(r, Map.of("tools", List.of()))));
    try (McpSession http = client(Duration.ofSeconds(5))) {
      http.initialize();
      http.request("tools/list", null);
      http.request("tools/list", null);
    }
    assertEquals(4, clientPorts.size(), "initialize, initialized, two tools/list: " + clientPorts);
    assertEquals(
        1, clientPorts.stream().distinct().count(), "one kept-alive connection: " + clientPorts);
  }

  @Test
  void keptAliveConnectionTheServerClosed_isReplacedWithoutFailingTheRequest() throws Exception {
    // a server that answers each request (no "Connection: close") and then drops the connection
    // anyway
    java.util.concurrent.atomic.AtomicInteger accepted =
        new java.util.concurrent.atomic.AtomicInteger();
    try (java.net.ServerSocket raw =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread loop =
          new Thread(
              () -> {
                while (!raw.isClosed()) {
                  try (java.net.Socket s = raw.accept()) {
                    accepted.incrementAndGet();
                    java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
                    int length = 0;
                    String line;
                    while ((line = HttpResponse.line(in)) != null && !line.isEmpty()) {
                      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                      }
                    }
                    Map<String, Object> body =
                        Json.object(
                            Json.parse(new String(in.readNBytes(length), StandardCharsets.UTF_8)));
                    String answer =
                        body.get("id") == null
                            ? "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
                            : okJson(
                                Json.text(
                                    Map.of(
                                        "jsonrpc",
                                        "2.0",
                                        "id",
                                        body.get("id"),
                                        "result",
                                        Map.of(
                                            "protocolVersion", "2025-11-25", "tools", List.of()))));
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    // closed at the end of the test
                  }
                }
              });
      loop.setDaemon(true);
      loop.start();
      try (McpSession http =
          McpSession.builder(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/mcp"))
              .requestTimeout(Duration.ofSeconds(5))
              .build()) {
        http.initialize();
        assertEquals(List.of(), http.request("tools/list", null).get("tools"));
      }
      assertEquals(
          3,
          accepted.get(),
          "each request on a new connection after the server dropped the last one");
    }
  }

  private static String okJson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length
        + "\r\n\r\n"
        + json;
  }
}
