package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.mcp.Backoff;
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

/** The commands in process, against the real local registry and MCP servers on loopback. */
class CliTest {

  @TempDir static Path data;
  private static LocalPlatform platform;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    platform = LocalPlatform.start(data);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private int run(Map<String, String> extraEnv, String stdin, String... argv) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("MCP_REGISTRY_URL", platform.baseUrl());
    env.put("MCP_CLIENT_CONFIG", data.resolve("no-config.json").toString());
    ServerConnector connector =
        new ServerConnector(
            new Backoff(3, Duration.ZERO, 2, d -> {}), Duration.ofSeconds(20), "test");
    return new Cli(
            env,
            new BufferedReader(new StringReader(stdin)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            connector)
        .run(argv);
  }

  private int run(String... argv) {
    return run(Map.of(), "", argv);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void search_listsMatchesWithHealth() {
    int code = run("search", "maps", "location");

    assertThat(code).isZero();
    assertThat(out())
        .contains("geo  [")
        .contains("Geo maps: Geocoding and maps")
        .doesNotContain("broken");
  }

  @Test
  void search_json_givesTheRegistryResult() {
    int code = run("search", "weather", "--json");

    assertThat(code).isZero();
    JsonNode root = JsonMapper.builder().build().readTree(out());
    assertThat(root.path("servers").get(0).path("name").asString()).isEqualTo("weather");
    assertThat(root.path("servers").get(0).path("score").asDouble()).isPositive();
  }

  @Test
  void show_namesTheHeaderVariable_withoutAnyValue() {
    int code =
        run(
            Map.of("MCP_HEADER_secure__X_2DApi_2DKey", TestMcpServers.SECRET),
            "",
            "show",
            "secure");

    assertThat(code).isZero();
    assertThat(out())
        .contains("header X-Api-Key (required, secret)")
        .contains("MCP_HEADER_secure__X_2DApi_2DKey (set)")
        .doesNotContain(TestMcpServers.SECRET);
  }

  @Test
  void show_failsClearly_whenTheServerIsUnknown() {
    int code = run("show", "nope");

    assertThat(code).isEqualTo(Cli.FAILED);
    assertThat(err()).contains("Server 'nope' not found in the registry");
  }

  @Test
  void tools_listsToolsWithParameters() {
    int code = run("tools", "geo");

    assertThat(code).isZero();
    assertThat(out())
        .contains("get_location(address: string)")
        .contains("reverse_geocode(lat: number, lng: number)");
  }

  @Test
  void call_typesArgumentsByTheSchema_andPrintsTheResult() {
    int code = run("call", "geo", "reverse_geocode", "lat=48.85", "lng=2.29");

    assertThat(code).isZero();
    assertThat(out()).contains("near 48.85,2.29");
  }

  @Test
  void call_exitsWithFailure_whenTheToolFails() {
    int code = run("call", "odd", "always_fails");

    assertThat(code).isEqualTo(Cli.FAILED);
    assertThat(err()).contains("Upstream lookup service unavailable");
  }

  @Test
  void call_listsTheTools_whenTheToolIsUnknown() {
    int code = run("call", "geo", "teleport");

    assertThat(code).isEqualTo(Cli.USAGE);
    assertThat(err()).contains("no tool 'teleport'").contains("get_location, reverse_geocode");
  }

  @Test
  void call_namesTheMissingCredential_withExitCode3() {
    int code = run("call", "secure", "get_location", "address=Rome");

    assertThat(code).isEqualTo(Cli.MISSING_SETTING);
    assertThat(err()).contains("MCP_HEADER_secure__X_2DApi_2DKey");
  }

  @Test
  void ask_namesTheVariable_whenNoKeyIsSet() {
    int code = run("ask", "Where is the Eiffel Tower?");

    assertThat(code).isEqualTo(Cli.MISSING_SETTING);
    assertThat(err()).contains("ANTHROPIC_API_KEY").contains("OPENAI_BASE_URL");
  }

  @Test
  void ask_printsTheAnswer_andReportsTokensAndCost() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(
              FakeLlmServer.anthropicToolUse(
                  "t1", "geo__get_location", "{\"address\":\"Eiffel Tower\"}"))
          .reply(FakeLlmServer.anthropicText("On the Champ de Mars."));

      int code =
          run(
              Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "",
              "ask",
              "Where is the Eiffel Tower?",
              "--search",
              "maps location",
              "--price-input",
              "1");

      assertThat(code).isZero();
      assertThat(out()).isEqualTo("On the Champ de Mars." + System.lineSeparator());
      assertThat(err())
          .contains("tokens in 900")
          .contains("out 70")
          .contains("cache read 1,200")
          .contains("cache write 1,200")
          .contains("est. $")
          .contains("tool calls 1");
    }
  }

  @Test
  void ask_usesTheOpenAiEndpoint_whenOnlyItsBaseUrlIsSet() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(FakeLlmServer.openAiText("Paris."));

      int code =
          run(
              Map.of("OPENAI_BASE_URL", llm.baseUrl()),
              "",
              "ask",
              "maps location of Paris",
              "--json");

      assertThat(code).isZero();
      JsonNode answer = JsonMapper.builder().build().readTree(out());
      assertThat(answer.path("text").asString()).isEqualTo("Paris.");
      assertThat(answer.path("model").asString()).isEqualTo("gpt-4o-mini");
      assertThat(llm.received())
          .singleElement()
          .extracting(FakeLlmServer.Received::path)
          .isEqualTo("/chat/completions");
    }
  }

  @Test
  void chat_keepsGoingUntilQuit() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(FakeLlmServer.anthropicText("First."))
          .reply(FakeLlmServer.anthropicText("Second."));

      int code =
          run(
              Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "weather in Lyon\n\nweather alerts\nquit\nnever sent\n",
              "chat");

      assertThat(code).isZero();
      assertThat(out()).contains("Assistant: First.").contains("Assistant: Second.");
      assertThat(llm.received()).hasSize(2);
      assertThat(llm.received().get(1).body().path("messages")).hasSize(3);
    }
  }

  @Test
  void anyCommand_failsClearly_whenTheRegistryIsUnreachable() {
    int code = run("search", "maps", "--registry", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(Cli.FAILED);
    assertThat(err())
        .contains(
            "Cannot reach the registry at http://127.0.0.1:9/registry/mcp: connection refused "
                + "(start it with ./run-local, or set --registry / MCP_REGISTRY_URL)")
        .doesNotContain("Exception");
  }

  @Test
  void noCommand_printsUsage_withExitCode2() {
    int code = run();

    assertThat(code).isEqualTo(Cli.USAGE);
    assertThat(out()).contains("Usage: ./mcp COMMAND");
  }
}
