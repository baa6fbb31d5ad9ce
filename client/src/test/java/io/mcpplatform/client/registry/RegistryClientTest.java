package io.mcpplatform.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.client.mcp.Backoff;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.testing.FakeLlmServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryClientTest {

  private static final ServerConnector NO_WAIT =
      new ServerConnector(new Backoff(1, Duration.ZERO, 1, d -> {}), Duration.ofSeconds(5), "test");

  @Test
  void endpoint_isTheRegistryPathUnderTheBaseUrl_whateverFormIsGiven() {
    assertThat(new RegistryClient("http://127.0.0.1:3000/", NO_WAIT).endpoint())
        .isEqualTo("http://127.0.0.1:3000/registry/mcp");
    assertThat(new RegistryClient("https://x.example/prod/registry/mcp", NO_WAIT).endpoint())
        .isEqualTo("https://x.example/prod/registry/mcp");
  }

  @Test
  void search_sendsTheBearerToken_andExplainsWhereToPointTheClient_whenRefused() throws Exception {
    try (FakeLlmServer notARegistry = FakeLlmServer.start();
        RegistryClient registry = new RegistryClient(notARegistry.baseUrl(), NO_WAIT, "tok-123")) {

      assertThatThrownBy(() -> registry.search("maps", 5))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining(
              "Cannot reach the registry at " + notARegistry.baseUrl() + "/registry/mcp")
          .hasMessageContaining("MCP_REGISTRY_URL");
      assertThat(notARegistry.received())
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(r.path()).isEqualTo("/registry/mcp");
                assertThat(r.headers()).containsEntry("authorization", "Bearer tok-123");
              });
    }
  }
}
