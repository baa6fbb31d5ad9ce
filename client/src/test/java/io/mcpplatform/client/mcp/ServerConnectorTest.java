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
    ServerConnector connector = new ServerConnector(new Backoff(3, Duration.ofMillis(250), 2.0, waits::add),
        Duration.ofSeconds(2), "test");

    assertThatThrownBy(() -> connector.connect("maps", "http://127.0.0.1:" + port + "/maps/mcp", Map.of()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("'maps'")
        .hasMessageContaining("after 3 attempts")
        .hasMessageNotContaining("Exception");
    assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void connect_rejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> ServerConnector.withDefaults().connect("x", "file:///etc/passwd", Map.of()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("not http(s)");
  }

  @Test
  void backoff_doublesEachWait() {
    Backoff backoff = new Backoff(4, Duration.ofMillis(100), 2.0, d -> { });

    assertThat(List.of(backoff.waitAfter(1), backoff.waitAfter(2), backoff.waitAfter(3)))
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }
}
