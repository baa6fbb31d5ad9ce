package io.mcpplatform.client.agent;

import io.mcpplatform.client.llm.AnthropicBackend;
import io.mcpplatform.client.llm.Prices;
import io.mcpplatform.client.mcp.Backoff;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.registry.RegistryClient;
import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.client.testing.LocalPlatform;
import io.mcpplatform.client.testing.TestMcpServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the assistant's tests run on: the real local system (registry, maps, the test servers) for
 * the class, and for each test a loopback LLM server, a registry client and a discovery holding the
 * secure test server's key.
 */
abstract class OnLocalPlatform {

  @TempDir static Path data;
  static LocalPlatform platform;

  FakeLlmServer llm;
  RegistryClient registry;
  Discovery discovery;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalPlatform.start(data);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @BeforeEach
  void start() throws Exception {
    llm = FakeLlmServer.start();
    ServerConnector connector =
        new ServerConnector(
            new Backoff(3, Duration.ZERO, 2, d -> {}), Duration.ofSeconds(20), "test");
    registry = new RegistryClient(platform.baseUrl(), connector);
    discovery =
        new Discovery(
            registry,
            connector,
            HeaderCredentials.load(
                Map.of("MCP_HEADER_secure__X_2DApi_2DKey", TestMcpServers.SECRET), null),
            Discovery.Options.DEFAULT);
  }

  @AfterEach
  void stop() {
    discovery.close();
    registry.close();
    llm.close();
  }

  /**
   * @return an assistant on the loopback Anthropic Messages server, Sonnet prices
   */
  Assistant anthropic(Assistant.Options options) {
    return new Assistant(
        discovery,
        AnthropicBackend.fromEnvironment(
            Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", llm.baseUrl()),
            "claude-test",
            Prices.CLAUDE_SONNET),
        options);
  }
}
