package io.mcpplatform.transport;

import static io.mcpplatform.transport.JsonRpcAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Streamable HTTP answers with server-sent events when the client accepts them and asked for
 * progress.
 */
class StreamableSseTest {

  private static final String BOTH = "application/json, text/event-stream";
  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
          + "{\"name\":\"steps\",\"arguments\":{\"count\":3},\"_meta\":{\"progressToken\":\"tok-1\"}}}";
  private static final String CALL_WITHOUT_TOKEN =
      "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\","
          + "\"params\":{\"name\":\"steps\",\"arguments\":{\"count\":2}}}";

  private static JettyTestServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    List<io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification> tools =
        List.of(ProgressTools.steps(), TestTools.crashing());
    server =
        new JettyTestServer(
            List.of(
                new Route(
                    "/auto/mcp",
                    StatelessMcpServlet.builder("auto", "1")
                        .tools(tools)
                        .toolFailureMapper(TestTools.MAPPER)
                        .responseMode(ResponseMode.AUTO)
                        .build()),
                new Route(
                    "/json/mcp",
                    StatelessMcpServlet.builder("json", "1")
                        .tools(tools)
                        .responseMode(ResponseMode.JSON)
                        .build()),
                new Route(
                    "/sse/mcp",
                    StatelessMcpServlet.builder("sse", "1")
                        .tools(tools)
                        .responseMode(ResponseMode.SSE)
                        .build())));
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, String accept, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void post_streamsProgressThenResponse_whenEventStreamAcceptedAndProgressTokenSent()
      throws Exception {
    HttpResponse<String> response = post("/auto/mcp", BOTH, CALL);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).startsWith("text/event-stream");
    List<SseEvents.Event> events = SseEvents.parse(response.body());
    assertThat(events).hasSize(4);
    assertThat(events).extracting(SseEvents.Event::id).containsExactly("1", "2", "3", "4");
    for (int i = 0; i < 3; i++) {
      JsonNode note = parse(events.get(i).data());
      assertThat(note.path("method").asString()).isEqualTo("notifications/progress");
      assertThat(note.has("id")).isFalse();
      assertThat(note.path("params").path("progressToken").asString()).isEqualTo("tok-1");
      assertThat(note.path("params").path("progress").asDouble()).isEqualTo(i + 1.0);
      assertThat(note.path("params").path("total").asDouble()).isEqualTo(3.0);
      assertThat(note.path("params").path("message").asString()).isEqualTo("step " + (i + 1));
    }
    JsonNode last = parse(events.get(3).data());
    assertThat(last.path("id").asInt()).isEqualTo(5);
    assertThat(last.path("result").path("structuredContent").path("steps").asInt()).isEqualTo(3);
  }

  @Test
  void post_answersJson_whenNoProgressTokenOrEventStreamNotAccepted() throws Exception {
    HttpResponse<String> withoutToken = post("/auto/mcp", BOTH, CALL_WITHOUT_TOKEN);
    HttpResponse<String> jsonOnly = post("/auto/mcp", "application/json", CALL);

    assertThat(contentType(withoutToken)).startsWith("application/json");
    assertThat(parse(withoutToken.body()).path("id").asInt()).isEqualTo(6);
    assertThat(contentType(jsonOnly)).startsWith("application/json");
    assertThat(
            parse(jsonOnly.body()).path("result").path("structuredContent").path("steps").asInt())
        .isEqualTo(3);
  }

  @Test
  void responseMode_forcesOneForm() throws Exception {
    HttpResponse<String> json = post("/json/mcp", BOTH, CALL);
    HttpResponse<String> sse = post("/sse/mcp", BOTH, CALL_WITHOUT_TOKEN);
    HttpResponse<String> sseJsonOnly = post("/sse/mcp", "application/json", CALL_WITHOUT_TOKEN);

    assertThat(contentType(json)).startsWith("application/json");
    assertThat(parse(json.body()).path("id").asInt()).isEqualTo(5);
    assertThat(contentType(sse)).startsWith("text/event-stream");
    List<SseEvents.Event> events = SseEvents.parse(sse.body());
    assertThat(events).hasSize(1);
    assertThat(parse(events.get(0).data()).path("id").asInt()).isEqualTo(6);
    assertThat(contentType(sseJsonOnly)).startsWith("application/json");
  }

  @Test
  void post_streamsCleanJsonRpcError_whenCallFails() throws Exception {
    String unknownTool =
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"nope\",\"arguments\":{},\"_meta\":{\"progressToken\":9}}}";
    String crash =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"crash\",\"arguments\":{},\"_meta\":{\"progressToken\":9}}}";

    HttpResponse<String> unknown = post("/auto/mcp", BOTH, unknownTool);
    HttpResponse<String> crashed = post("/auto/mcp", BOTH, crash);

    List<SseEvents.Event> events = SseEvents.parse(unknown.body());
    JsonNode error = parse(events.get(events.size() - 1).data());
    assertThat(error.path("id").asInt()).isEqualTo(8);
    assertThat(error.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(crashed.body()).doesNotContain("Exception", "java.", "io.mcpplatform");
    JsonNode result = parse(SseEvents.parse(crashed.body()).get(0).data());
    assertThat(result.path("result").path("isError").asBoolean()).isTrue();
  }

  @Test
  void clientDisconnectMidStream_doesNotStopTheCall() throws Exception {
    int finishedBefore = ProgressTools.FINISHED.get();
    CountDownLatch gate = new CountDownLatch(1);
    ProgressTools.gate = gate;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      byte[] body = CALL.replace("\"count\":3", "\"count\":50").getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /auto/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Accept: "
                  + BOTH
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      while (!seen.toString().contains("step 1")) {
        int b = in.read();
        assertThat(b).isNotNegative();
        seen.append((char) b);
      }
      assertThat(seen.toString()).contains("text/event-stream");
    } finally {
      gate.countDown();
      ProgressTools.gate = null;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProgressTools.FINISHED.get() == finishedBefore && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ProgressTools.FINISHED.get()).isEqualTo(finishedBefore + 1);
  }
}
