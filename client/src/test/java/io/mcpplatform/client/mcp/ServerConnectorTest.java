package io.mcpplatform.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ServerConnectorTest {

  @Test
  void connect_triesThreeTimesWithExponentialBackoff_thenNamesTheServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<Duration> waits = new CopyOnWriteArrayList<>();
    ServerConnector connector =
        new ServerConnector(
            new Backoff(3, Duration.ofMillis(250), 2.0, waits::add), Duration.ofSeconds(2), "test");

    assertThatThrownBy(
            () -> connector.connect("maps", "http://127.0.0.1:" + port + "/maps/mcp", Map.of()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("'maps'")
        .hasMessageContaining("after 3 attempts")
        .hasMessageNotContaining("Exception");
    assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void connect_doesNotRetryARefusal_andPassesTheServersReasonOn() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger requests =
        new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/mcp",
        exchange -> {
          requests.incrementAndGet();
          byte[] body =
              "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Invalid API key\"}}"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(403, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    ServerConnector connector =
        new ServerConnector(
            new Backoff(3, Duration.ofMillis(250), 2.0, waits::add), Duration.ofSeconds(2), "test");
    try {
      assertThatThrownBy(
              () ->
                  connector.connect(
                      "secure",
                      "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp",
                      Map.of("X-Api-Key", "wrong-secret")))
          .isInstanceOf(ConnectionException.class)
          .hasMessage(
              "Cannot connect to server 'secure' at http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + "/mcp: HTTP 403 for initialize: Invalid API key (check the credentials configured for this server)");
    } finally {
      server.stop(0);
    }
    assertThat(requests.get()).as("a refusal is not retried").isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void connect_rejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(
            () -> ServerConnector.withDefaults().connect("x", "file:///etc/passwd", Map.of()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("not http(s)");
  }

  @Test
  void backoff_doublesEachWait() {
    Backoff backoff = new Backoff(4, Duration.ofMillis(100), 2.0, d -> {});

    assertThat(List.of(backoff.waitAfter(1), backoff.waitAfter(2), backoff.waitAfter(3)))
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }
}
