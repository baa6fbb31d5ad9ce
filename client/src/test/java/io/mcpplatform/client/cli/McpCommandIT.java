package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.client.testing.LocalPlatform;
import io.mcpplatform.client.testing.ScriptedModel;
import io.mcpplatform.client.testing.TestMcpServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end: the packaged client ({@code client/target/mcp-client.jar}, what {@code ./mcp} runs)
 * as a separate process against the real local system's registry and MCP servers on loopback, and a
 * loopback Anthropic Messages server reached through {@code ANTHROPIC_BASE_URL}.
 */
class McpCommandIT {

  @TempDir static Path data;
  private static LocalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = LocalPlatform.start(data);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private record Run(int code, String out, String err) {}

  private static Run mcp(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("mcp.client.jar", "target/mcp-client.jar"));
    assertThat(jar).as("mvn package builds the client jar before the integration tests").exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("ANTHROPIC_") || k.startsWith("OPENAI_") || k.startsWith("MCP_"));
    builder.environment().put("MCP_REGISTRY_URL", platform.baseUrl());
    builder.environment().put("MCP_CLIENT_CONFIG", data.resolve("absent.json").toString());
    builder.environment().putAll(env);
    Path out = Files.createTempFile(data, "out", ".txt");
    Path err = Files.createTempFile(data, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./mcp " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void search_findsTheGeocoder_andHidesTheUnhealthyServer() throws Exception {
    Run run = mcp(Map.of(), "search", "maps", "location");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("geo  [").doesNotContain("broken");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void show_printsTheEntry_asJson() throws Exception {
    Run run = mcp(Map.of(), "show", "geo", "--json");

    assertThat(run.code()).isZero();
    JsonNode entry = JsonMapper.builder().build().readTree(run.out());
    assertThat(entry.path("name").asString()).isEqualTo("geo");
    assertThat(entry.path("remotes").get(0).path("url").asString())
        .isEqualTo(platform.servers().url("geo"));
  }

  @Test
  void tools_listsTheServersTools() throws Exception {
    Run run = mcp(Map.of(), "tools", "geo");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("get_location(address: string)").contains("reverse_geocode(");
  }

  @Test
  void call_runsATool_withoutAnyLlm() throws Exception {
    Run run = mcp(Map.of(), "call", "geo", "get_location", "address=Eiffel Tower");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("\"query\":\"Eiffel Tower\"").contains("48.8584");
  }

  @Test
  void call_sendsTheSecretHeader_withoutPrintingIt() throws Exception {
    Run run =
        mcp(
            Map.of("MCP_HEADER_secure__X_2DApi_2DKey", TestMcpServers.SECRET),
            "call",
            "secure",
            "get_location",
            "address=Rome",
            "--verbose");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Rome");
    assertThat(run.out() + run.err()).doesNotContain(TestMcpServers.SECRET);
  }

  @Test
  void ask_answersThroughTheAnthropicWireFormat_andReportsUsage() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(
              FakeLlmServer.anthropicToolUse(
                  "toolu_1", "geo__get_location", "{\"address\":\"Eiffel Tower\"}"))
          .reply(FakeLlmServer.anthropicText("The Eiffel Tower is at 48.8584, 2.2945 in Paris."));

      Run run =
          mcp(
              Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "ask",
              "Where is the Eiffel Tower?",
              "--search",
              "geo");

      assertThat(run.code()).isZero();
      assertThat(run.out().strip()).isEqualTo("The Eiffel Tower is at 48.8584, 2.2945 in Paris.");
      assertThat(run.err()).contains("tokens in 900").contains("tool calls 1");
      JsonNode second = llm.received().get(1).body();
      assertThat(second.path("messages").get(2).path("content").get(0).path("content").asString())
          .contains("Champ de Mars");
      assertThat(second.path("system").get(0).path("cache_control").path("type").asString())
          .isEqualTo("ephemeral");
    }
  }

  @Test
  void call_reachesTheRealMapsServer_registeredByTheLocalSystem() throws Exception {
    Run tools = mcp(Map.of(), "tools", "maps");
    Run run = mcp(Map.of(), "call", "maps", "get_location", "location=Lyon, France", "--json");

    assertThat(tools.code()).isZero();
    assertThat(tools.out()).contains("get_location(location: string").contains("reverse_geocode(");
    assertThat(run.code()).isZero();
    JsonNode result = JsonMapper.builder().build().readTree(run.out());
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.path("text").asString()).contains("Lyon");
  }

  @Test
  void ask_usesTheRealMapsServer_throughTheToolLoop() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(
              FakeLlmServer.anthropicToolUse(
                  "toolu_m", "maps__get_location", "{\"location\":\"Lyon, France\"}"))
          .reply(FakeLlmServer.anthropicText("Lyon is in France."));

      Run run =
          mcp(
              Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "ask",
              "Find the coordinates of Lyon with the maps geocoding server",
              "--json");

      assertThat(run.code()).as(run.err()).isZero();
      JsonNode answer = JsonMapper.builder().build().readTree(run.out());
      assertThat(answer.path("servers").toString()).contains("maps");
      JsonNode result = llm.received().get(1).body().path("messages").get(2).path("content").get(0);
      assertThat(answer.path("toolCalls").get(0).path("isError").asBoolean())
          .as(result.toString())
          .isFalse();
      assertThat(result.path("tool_use_id").asString()).isEqualTo("toolu_m");
      assertThat(result.path("content").asString()).contains("Lyon");
    }
  }

  @Test
  void ask_whereIsParis_reachesTheMapsServer_throughTheModelsOwnSearchWhenNeeded()
      throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.replyBy(
          new ScriptedModel(
              List.of("geocoding"), "maps__get_location", "{\"location\":\"Paris\"}", "None."));

      Run run =
          mcp(
              Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "ask",
              "Where is Paris?");

      System.out.println(
          "./mcp ask \"Where is Paris?\": tools offered per model call "
              + llm.received().stream().map(r -> ScriptedModel.offered(r.body())).toList()
              + "\n"
              + run.out()
              + run.err());
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("maps__get_location says Coordinates: 48.8");
      if (ScriptedModel.offered(llm.received().get(0).body()).contains(ScriptedModel.SEARCH_TOOL)) {
        assertThat(run.err())
            .contains("registry searched by the model: 1 call, tokens in 400 · out 30")
            .contains("queries: 'geocoding'");
      }
    }
  }

  @Test
  void ask_priceOfBitcoin_offersNoServerTool_whenNoSearchFindsOne() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.replyBy(
          new ScriptedModel(
              List.of("cryptocurrency price"),
              "none__none",
              "{}",
              "No registered server offers cryptocurrency prices."));

      Run run =
          mcp(
              Map.of("ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", llm.baseUrl()),
              "ask",
              "What is the price of bitcoin?");

      System.out.println(
          "./mcp ask \"What is the price of bitcoin?\": tools offered per model call "
              + llm.received().stream().map(r -> ScriptedModel.offered(r.body())).toList()
              + "\n"
              + run.out()
              + run.err());
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out().strip()).isEqualTo("No registered server offers cryptocurrency prices.");
      assertThat(llm.received())
          .allSatisfy(
              r ->
                  assertThat(ScriptedModel.offered(r.body()))
                      .containsExactly(ScriptedModel.SEARCH_TOOL));
      assertThat(run.err())
          .contains("registry searched by the model: 2 calls")
          .contains("queries: 'cryptocurrency price'");
    }
  }

  @Test
  void ask_exitsWith3_andNamesTheVariable_whenNoKeyIsSet() throws Exception {
    Run run = mcp(Map.of(), "ask", "Where is the Eiffel Tower?");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("ANTHROPIC_API_KEY").doesNotContain("Exception");
  }
}
