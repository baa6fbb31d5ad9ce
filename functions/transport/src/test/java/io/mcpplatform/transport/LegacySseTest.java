package io.mcpplatform.transport;

import static io.mcpplatform.transport.JsonRpcAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The legacy HTTP+SSE transport over the same servlet, and its bounds. */
class LegacySseTest {

  private static final LegacySse.Limits LIMITS =
      new LegacySse.Limits(3, Duration.ofMillis(1500), 64 * 1024, Duration.ofMillis(200));

  private static JettyTestServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    StatelessMcpServlet mcp =
        StatelessMcpServlet.builder("legacy", "1")
            .tools(List.of(TestTools.echo(), ProgressTools.steps()))
            .build();
    server = new JettyTestServer(LegacySse.localRoutes(List.of(new Route("/x/mcp", mcp)), LIMITS));
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A client's end of one stream. */
  static final class Stream implements AutoCloseable {
    final HttpResponse<InputStream> response;
    final BufferedReader reader;

    Stream(HttpResponse<InputStream> response) {
      this.response = response;
      this.reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * @return the next event, or null at the end of the stream
     */
    SseEvents.Event next() throws Exception {
      StringBuilder raw = new StringBuilder();
      String line;
      while ((line = reader.readLine()) != null) {
        raw.append(line).append('\n');
        if (line.isEmpty()) {
          List<SseEvents.Event> events = SseEvents.parse(raw.toString());
          if (!events.isEmpty()) {
            return events.get(0);
          }
          raw.setLength(0);
        }
      }
      return null;
    }

    @Override
    public void close() throws Exception {
      response.body().close();
    }
  }

  private static Stream open() throws Exception {
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(server.uri("/x/sse"))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    return new Stream(response);
  }

  private static String endpoint(Stream stream) throws Exception {
    SseEvents.Event first = stream.next();
    assertThat(first.event()).isEqualTo("endpoint");
    assertThat(first.data()).startsWith("/x/messages?sessionId=");
    return first.data();
  }

  private static HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri(pathAndQuery))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_answers202_andTheResponseArrivesOnTheStream() throws Exception {
    try (Stream stream = open()) {
      String messages = endpoint(stream);
      HttpResponse<String> accepted =
          post(
              messages,
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                  + "\"params\":{\"name\":\"steps\",\"arguments\":{\"count\":2},\"_meta\":{\"progressToken\":4}}}");

      assertThat(accepted.statusCode()).isEqualTo(202);
      SseEvents.Event first = stream.next();
      SseEvents.Event second = stream.next();
      SseEvents.Event answer = stream.next();
      assertThat(List.of(first.id(), second.id(), answer.id())).containsExactly("1", "2", "3");
      assertThat(parse(first.data()).path("method").asString()).isEqualTo("notifications/progress");
      assertThat(parse(second.data()).path("params").path("progress").asInt()).isEqualTo(2);
      assertThat(parse(answer.data()).path("id").asInt()).isEqualTo(1);
      assertThat(
              parse(answer.data()).path("result").path("structuredContent").path("steps").asInt())
          .isEqualTo(2);
      assertThat(
              post(messages, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                  .statusCode())
          .isEqualTo(202);
      HttpResponse<String> broken = post(messages, "{\"jsonrpc\":");
      assertThat(broken.statusCode()).isEqualTo(400);
      assertThat(parse(broken.body()).path("error").path("code").asInt()).isEqualTo(-32700);
    }
  }

  @Test
  void badSessions_getClearErrors() throws Exception {
    HttpResponse<String> unknown =
        post("/x/messages?sessionId=nope", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    HttpResponse<String> missing =
        post("/x/messages", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(parse(unknown.body()).path("error").path("message").asString())
        .contains("Unknown or closed session");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(parse(missing.body()).path("error").path("message").asString())
        .contains("sessionId");

    String messages;
    try (Stream stream = open()) {
      messages = endpoint(stream);
      String id = messages.substring(messages.indexOf('=') + 1);
      HttpResponse<String> second =
          http.send(
              HttpRequest.newBuilder(server.uri("/x/sse?sessionId=" + id)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(parse(second.body()).path("error").path("message").asString())
          .contains("already has its stream");
    }
    awaitClosed(messages);
  }

  @Test
  void idleStream_isClosedAfterTheTimeOut() throws Exception {
    try (Stream stream = open()) {
      String messages = endpoint(stream);
      long start = System.nanoTime();
      SseEvents.Event event;
      do {
        event = stream.next();
      } while (event != null);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThan(Duration.ofMillis(1000));
      assertThat(post(messages, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void streamsPastTheLimit_areRefused_andClosedOnesFreeTheirPlace() throws Exception {
    Stream a = open();
    Stream b = open();
    Stream c = open();
    String lastMessages = endpoint(c);
    endpoint(a);
    endpoint(b);
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(server.uri("/x/sse")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(parse(refused.body()).path("error").path("message").asString())
        .contains("Too many open SSE sessions (limit 3)", "/x/mcp");
    a.close();
    b.close();
    c.close();
    awaitClosed(lastMessages);
    try (Stream again = open()) {
      assertThat(endpoint(again)).isNotEqualTo(lastMessages);
    }
  }

  /** Waits until the server noticed a closed stream (its keep-alive write fails). */
  private static void awaitClosed(String messages) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status;
    do {
      Thread.sleep(100);
      status =
          post(messages, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
              .statusCode();
    } while (status != 404 && System.nanoTime() < deadline);
    assertThat(status).isEqualTo(404);
  }
}
