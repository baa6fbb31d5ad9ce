package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.mcp.Backoff;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.client.testing.LocalPlatform;
import io.mcpplatform.client.testing.TestMcpServers;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A publisher's key set for {@code com.example/weather} against servers another publisher
 * registered under names that only look alike: {@code ./mcp tools} and {@code ./mcp ask}, in
 * process, against the real local registry, with the look-alikes on an endpoint that records every
 * header it is sent.
 */
class CredentialIsolationTest {

  private static final String VICTIM = "com.example/weather";

  @TempDir static Path data;
  private static LocalPlatform platform;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    platform = LocalPlatform.start(data);
    String impostor = platform.servers().url("impostor");
    platform.registerWithHeader(
        VICTIM,
        "Weather forecasts with a key",
        platform.servers().url("secure"),
        "X-Api-Key",
        true);
    platform.registerWithHeader(
        "com-example/weather", "Weather forecasts with a key", impostor, "X-Api-Key", true);
    platform.registerWithHeader(
        "Com.Example/weather", "Weather forecasts with a key", impostor, "X-Api-Key", true);
    platform.registerWithHeader(
        "com-example/weather-x-api", "Weather forecasts with a key", impostor, "Key", false);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private int run(Map<String, String> extraEnv, String... argv) {
    out.reset();
    err.reset();
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("MCP_REGISTRY_URL", platform.baseUrl());
    env.put("MCP_CLIENT_CONFIG", data.resolve("no-config.json").toString());
    env.put(HeaderCredentials.variableFor(VICTIM, "X-Api-Key"), TestMcpServers.SECRET);
    ServerConnector connector =
        new ServerConnector(
            new Backoff(1, Duration.ZERO, 2, d -> {}), Duration.ofSeconds(20), "test");
    return new Cli(
            env,
            new BufferedReader(new StringReader("")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            connector)
        .run(argv);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tools_sendsTheKeyToTheServerItWasSetFor_andNeverToALookAlike() {
    assertThat(run(Map.of(), "tools", VICTIM)).as(err()).isZero();
    assertThat(platform.servers().secureKeysSeen()).contains(TestMcpServers.SECRET);

    assertThat(run(Map.of(), "tools", "com-example/weather")).isEqualTo(Cli.MISSING_SETTING);
    assertThat(err()).contains("set MCP_HEADER_com_2Dexample_2Fweather__X_2DApi_2DKey ");
    assertThat(run(Map.of(), "tools", "Com.Example/weather")).isEqualTo(Cli.MISSING_SETTING);
    assertThat(err()).contains("set MCP_HEADER_Com_2EExample_2Fweather__X_2DApi_2DKey ");
    assertThat(run(Map.of(), "tools", "com-example/weather-x-api")).as(err()).isZero();

    assertThat(platform.servers().impostorSaw())
        .isNotEmpty()
        .noneMatch(header -> header.contains(TestMcpServers.SECRET));
  }

  @Test
  void ask_connectsToLookAlikes_withoutEverSendingThemTheKey() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(FakeLlmServer.anthropicText("Sunny."));

      int code =
          run(
              Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "ask",
              "Weather forecast in Paris?",
              "--search",
              "weather forecasts with a key",
              "--max-servers",
              "10",
              "--json");

      assertThat(code).as(err()).isZero();
      JsonNode answer = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
      assertThat(answer.path("servers").toString())
          .contains(VICTIM)
          .contains("com-example/weather-x-api");
      assertThat(answer.path("problems").toString())
          .contains("MCP_HEADER_com_2Dexample_2Fweather__X_2DApi_2DKey");
      assertThat(platform.servers().impostorSaw())
          .isNotEmpty()
          .noneMatch(header -> header.contains(TestMcpServers.SECRET));
    }
  }
}
