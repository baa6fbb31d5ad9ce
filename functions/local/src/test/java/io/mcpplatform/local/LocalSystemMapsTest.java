package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.ServerEntry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maps server inside the local system: served at /maps/mcp and registered in the local
 * registry.
 */
class LocalSystemMapsTest {

  @TempDir Path dataDir;

  @Test
  void start_servesGetLocation_atTheMapsPath() throws Exception {
    try (LocalSystem system = LocalSystem.start("127.0.0.1", 0, dataDir)) {
      String body =
          """
          {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_location","arguments":{"location":"Paris, Texas"}}}""";
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(system.baseUrl() + "/maps/mcp"))
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json, text/event-stream")
                      .header("MCP-Protocol-Version", "2025-06-18")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("Address: Paris, Texas, United States")
          .contains("\"isError\":false");
      assertThat(system.banner())
          .contains("maps (MCP)       POST " + system.baseUrl() + "/maps/mcp")
          .contains(
              "\"maps\": { \"type\": \"http\", \"url\": \"" + system.baseUrl() + "/maps/mcp\" }");
    }
  }

  @Test
  void start_registersMaps_onceAcrossRestartsOnTheSamePort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ServerEntry first;
    try (LocalSystem system = LocalSystem.start("127.0.0.1", port, dataDir)) {
      first = system.registry().service().get("maps").orElseThrow();
      assertThat(first.url()).isEqualTo("http://127.0.0.1:" + port + "/maps/mcp");
    }
    try (LocalSystem system = LocalSystem.start("127.0.0.1", port, dataDir)) {
      ServerEntry again = system.registry().service().get("maps").orElseThrow();
      assertThat(again.revision()).isEqualTo(first.revision());
      assertThat(system.registry().service().list(null, 100).items())
          .filteredOn(e -> e.name().equals("maps"))
          .hasSize(1);
    }
  }
}
