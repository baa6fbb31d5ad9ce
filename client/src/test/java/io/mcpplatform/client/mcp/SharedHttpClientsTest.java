package io.mcpplatform.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SharedHttpClientsTest {

  private static final Duration CONNECT = Duration.ofSeconds(5);

  @Test
  void builderFor_handsOutOneClientPerScheme() {
    SharedHttpClients clients = new SharedHttpClients(CONNECT);

    HttpClient first = clients.builderFor(false).connectTimeout(CONNECT).build();
    HttpClient second = clients.builderFor(false).connectTimeout(CONNECT).build();
    HttpClient tls = clients.builderFor(true).connectTimeout(CONNECT).build();

    assertThat(second).isSameAs(first);
    assertThat(tls).isNotSameAs(first);
    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(first.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
  }

  @Test
  void plainClient_reusesItsConnection_acrossRequests() throws Exception {
    List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      SharedHttpClients clients = new SharedHttpClients(CONNECT);
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/mcp");
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = clients.builderFor(false).connectTimeout(CONNECT).build()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("ok");
      }
    } finally {
      server.stop(0);
    }

    assertThat(clientPorts).hasSize(3).containsOnly(clientPorts.get(0));
  }

  @Test
  void plainClient_neverNegotiatesTls() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      HttpClient plain = new SharedHttpClients(CONNECT).builderFor(false).connectTimeout(CONNECT).build();
      URI https = URI.create("https://127.0.0.1:" + listener.getLocalPort() + "/mcp");

      assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(https).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()))
          .hasStackTraceContaining("plain http endpoints only");
    }
  }

  @Test
  void builder_refusesSettingsThatASharedClientCouldNotHonour() {
    HttpClient.Builder builder = new SharedHttpClients(CONNECT).builderFor(false);

    assertThatThrownBy(() -> builder.version(HttpClient.Version.HTTP_2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT5S");
  }
}
