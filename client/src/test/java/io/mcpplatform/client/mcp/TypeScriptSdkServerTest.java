package io.mcpplatform.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpplatform.mcpclient.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client ({@link ServerConnector}, {@link ServerSession}, {@link StreamableHttp}) against a
 * server built with the official TypeScript MCP SDK ({@code ts-sdk-server.cjs}, the SDK of {@code
 * src/test/package.json}), which behaves unlike the project's own stateless Java servers: it hands
 * out an {@code Mcp-Session-Id} on {@code initialize} and answers 404 for a session id it does not
 * know, answers every request as {@code text/event-stream} (not {@code application/json}), writes
 * notifications (logging, progress) on a request's stream before its response, checks the {@code
 * MCP-Protocol-Version} header, and ends a session on {@code DELETE}. These tests prove that the
 * client keeps and sends its session id, reads answers out of event streams past the notifications
 * before them, validates structured results against the SDK's (draft-07) output schemas (accepting
 * a matching result, refusing one that does not match), opens a new session when the server answers
 * 404 for one it no longer knows, ends its session when closed, and keeps concurrent sessions
 * apart.
 *
 * <p>The server reports what it saw on its standard output ({@code SESSION_OPENED}, {@code CALLED},
 * {@code SESSION_CLOSED} with the session id), which the tests read. Skipped when Node or the SDK
 * ({@code npm ci --prefix src/test}) is missing.
 */
class TypeScriptSdkServerTest {

  private static final long WAIT_MS = 10_000;

  private static Process node;
  private static String url;
  private static final List<String> lines = new ArrayList<>();
  private static final StringBuffer stderr = new StringBuffer();

  @BeforeAll
  static void startServer() throws Exception {
    Path modules = repositoryRoot().resolve("src/test/node_modules");
    assumeTrue(
        Files.isDirectory(modules.resolve("@modelcontextprotocol/sdk")),
        "the TypeScript MCP SDK is not installed in " + modules + " (npm ci --prefix src/test)");
    assumeTrue(nodeRuns(), "node is not runnable");
    Path script = Path.of(TypeScriptSdkServerTest.class.getResource("/ts-sdk-server.cjs").toURI());
    ProcessBuilder builder = new ProcessBuilder("node", script.toString());
    builder.environment().put("NODE_PATH", modules.toString());
    node = builder.start();
    drain(
        node.getInputStream(),
        "ts-sdk-server stdout",
        line -> {
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
        });
    drain(node.getErrorStream(), "ts-sdk-server stderr", line -> stderr.append(line).append('\n'));
    String listening = awaitLine(0, line -> line.startsWith("LISTENING "), "the server to listen");
    url = "http://127.0.0.1:" + listening.substring("LISTENING ".length()).trim() + "/mcp";
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (node == null) {
      return;
    }
    node.getOutputStream().close();
    if (!node.waitFor(3, TimeUnit.SECONDS)) {
      node.destroy();
      if (!node.waitFor(3, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void tools_listsTheSdkServersToolsWithTheirSchemas() {
    try (ServerSession session = ServerConnector.withDefaults().connect("ts", url, Map.of())) {
      List<McpTool> tools = session.tools();

      assertThat(tools)
          .extracting(McpTool::name)
          .as("tools listed by the TypeScript SDK server")
          .containsExactlyInAnyOrder("echo", "slow_progress", "weather");
      McpTool echo = tool(tools, "echo");
      assertThat(echo.inputSchema()).as("echo's input schema").containsEntry("type", "object");
      assertThat(Json.object(echo.inputSchema().get("properties")))
          .as("echo's input properties")
          .containsKey("text");
      assertThat(echo.inputSchema().get("required"))
          .as("echo's required arguments")
          .isEqualTo(List.of("text"));
      assertThat(tool(tools, "slow_progress").inputSchema())
          .as("slow_progress's input schema")
          .containsEntry("type", "object");
      McpTool weather = tool(tools, "weather");
      assertThat(Json.object(weather.inputSchema().get("properties")))
          .as("weather's input properties")
          .containsKey("city");
      assertThat(weather.outputSchema()).as("weather's output schema").isNotNull();
      assertThat(Json.object(weather.outputSchema().get("properties")))
          .as("weather's output properties")
          .containsKeys("city", "temperatureC", "conditions", "wind");
    }
  }

  @Test
  void echo_returnsTheTextFromTheEventStream() {
    int mark = mark();
    try (ServerSession session = ServerConnector.withDefaults().connect("ts", url, Map.of())) {
      String id = openedSession(mark);

      ToolOutcome outcome = session.call("echo", Map.of("text", "héllo, wörld"));

      assertThat(outcome.isError()).as("echo failed: %s", outcome.text()).isFalse();
      assertThat(outcome.text()).as("echo's text").isEqualTo("héllo, wörld");
      awaitLine(mark, ("CALLED echo " + id)::equals, "echo to run in session " + id);
    }
  }

  @Test
  void slowProgress_answersDespiteLoggingAndProgressNotificationsBeforeTheResponse() {
    int mark = mark();
    try (ServerSession session = ServerConnector.withDefaults().connect("ts", url, Map.of())) {
      String id = openedSession(mark);

      ToolOutcome outcome = session.call("slow_progress", Map.of("steps", 3));

      assertThat(outcome.isError()).as("slow_progress failed: %s", outcome.text()).isFalse();
      assertThat(outcome.text())
          .as("slow_progress's text (the response after 6 notifications)")
          .isEqualTo("done after 3 steps");
      awaitLine(
          mark,
          ("CALLED slow_progress " + id)::equals,
          "slow_progress to have written its notifications in session " + id);
    }
  }

  @Test
  void weather_structuredContentIsReadAndMatchesTheOutputSchema() {
    try (ServerSession session = ServerConnector.withDefaults().connect("ts", url, Map.of())) {
      session.tools(); // the client checks structured results only against schemas it has listed

      ToolOutcome outcome = session.call("weather", Map.of("city", "Oslo"));

      assertThat(outcome.isError())
          .as("weather failed (or its result did not match its output schema): %s", outcome.text())
          .isFalse();
      Map<String, Object> weather = Json.object(outcome.structuredContent());
      assertThat(weather)
          .as("weather's structuredContent")
          .isNotNull()
          .containsEntry("city", "Oslo")
          .containsEntry("conditions", "sunny")
          .containsKey("temperatureC");
      assertThat(((Number) weather.get("temperatureC")).doubleValue())
          .as("temperatureC")
          .isEqualTo(21.5);
      assertThat(Json.object(weather.get("wind")))
          .as("weather's wind")
          .containsEntry("direction", "NW");
      assertThat(outcome.text()).as("weather's text content").contains("\"city\":\"Oslo\"");
    }
  }

  @Test
  void weather_structuredContentThatBreaksTheOutputSchema_isRefusedByTheClientsOwnCheck() {
    ServerConnector connector = ServerConnector.withDefaults();
    try (ServerSession unchecked = connector.connect("ts", url, Map.of())) {
      // before tools/list the client knows no output schema: what the server sent comes through as
      // it is
      ToolOutcome raw = unchecked.call("weather", Map.of("city", "Atlantis"));

      assertThat(raw.isError())
          .as("weather for Atlantis without a known schema: %s", raw.text())
          .isFalse();
      assertThat(Json.object(raw.structuredContent()))
          .as("what the server sent for Atlantis")
          .containsEntry("temperatureC", "unknown");
    }
    try (ServerSession checked = connector.connect("ts", url, Map.of())) {
      checked.tools();

      ToolOutcome outcome = checked.call("weather", Map.of("city", "Atlantis"));

      assertThat(outcome.isError())
          .as("weather for Atlantis, whose temperatureC is a string: %s", outcome.text())
          .isTrue();
      assertThat(outcome.text())
          .as("the client's message")
          .contains("weather")
          .contains("does not match its output schema");
    }
  }

  @Test
  void close_endsTheSessionOnTheServer() {
    int mark = mark();
    ServerSession session = ServerConnector.withDefaults().connect("ts", url, Map.of());
    String id = openedSession(mark);
    assertThat(session.call("echo", Map.of("text", "x")).isError())
        .as("echo before closing")
        .isFalse();

    session.close();

    awaitLine(
        mark, ("SESSION_CLOSED " + id)::equals, "the server to end session " + id + " on DELETE");
  }

  @Test
  void sessionTheServerNoLongerKnows_isInitializedAgainOnItsNotFound() throws IOException {
    int mark = mark();
    try (ServerSession session = ServerConnector.withDefaults().connect("ts", url, Map.of())) {
      String id = openedSession(mark);
      int ended = mark();
      HttpURLConnection delete = (HttpURLConnection) URI.create(url).toURL().openConnection();
      delete.setRequestMethod("DELETE");
      delete.setRequestProperty("Mcp-Session-Id", id);
      assertThat(delete.getResponseCode())
          .as("DELETE of session %s behind the client's back", id)
          .isEqualTo(200);
      delete.disconnect();
      awaitLine(ended, ("SESSION_CLOSED " + id)::equals, "the server to forget session " + id);

      ToolOutcome outcome = session.call("echo", Map.of("text", "again"));

      assertThat(outcome.isError())
          .as("echo after the server forgot the session: %s", outcome.text())
          .isFalse();
      assertThat(outcome.text()).as("echo's text in the new session").isEqualTo("again");
      String newId = openedSession(ended);
      assertThat(newId)
          .as("the id of the session the client opened after the 404")
          .isNotEqualTo(id);
      awaitLine(ended, ("CALLED echo " + newId)::equals, "echo to run in the new session " + newId);
    }
  }

  @Test
  void twoSessionsAtOnce_getDifferentIdsAndEachUsesItsOwn() {
    int mark = mark();
    ServerConnector connector = ServerConnector.withDefaults();
    try (ServerSession first = connector.connect("ts-1", url, Map.of())) {
      String firstId = openedSession(mark);
      int secondMark = mark();
      ServerSession second = connector.connect("ts-2", url, Map.of());
      try {
        String secondId = openedSession(secondMark);
        assertThat(secondId).as("the second session's id").isNotEqualTo(firstId);

        int calls = mark();
        assertThat(first.call("echo", Map.of("text", "one")).text())
            .as("the first session's echo")
            .isEqualTo("one");
        awaitLine(
            calls,
            ("CALLED echo " + firstId)::equals,
            "the first session's echo to run in " + firstId);
        calls = mark();
        assertThat(second.call("echo", Map.of("text", "two")).text())
            .as("the second session's echo")
            .isEqualTo("two");
        awaitLine(
            calls,
            ("CALLED echo " + secondId)::equals,
            "the second session's echo to run in " + secondId);
        assertThat(first.call("slow_progress", Map.of()).text())
            .as("the first session's slow_progress")
            .isEqualTo("done after 2 steps");

        int closing = mark();
        second.close();
        awaitLine(closing, ("SESSION_CLOSED " + secondId)::equals, "the second session to end");
        ToolOutcome after = first.call("echo", Map.of("text", "still here"));
        assertThat(after.text())
            .as("the first session's echo after the second ended")
            .isEqualTo("still here");
        assertThat(linesFrom(closing))
            .as("sessions ended when only the second was closed")
            .doesNotContain("SESSION_CLOSED " + firstId);
      } finally {
        second.close(); // again when an assertion failed first; a second close does nothing
      }
    }
  }

  private static McpTool tool(List<McpTool> tools, String name) {
    return tools.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " in " + tools));
  }

  /**
   * @return the id of the first session the server opened after line {@code mark}
   */
  private static String openedSession(int mark) {
    return awaitLine(
            mark, line -> line.startsWith("SESSION_OPENED "), "the server to open a session")
        .substring("SESSION_OPENED ".length())
        .trim();
  }

  private static int mark() {
    synchronized (lines) {
      return lines.size();
    }
  }

  private static List<String> linesFrom(int mark) {
    synchronized (lines) {
      return List.copyOf(lines.subList(mark, lines.size()));
    }
  }

  /**
   * @return the first line the server printed at or after index {@code from} that matches, waiting
   *     for it
   */
  private static String awaitLine(int from, Predicate<String> wanted, String what) {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    synchronized (lines) {
      for (int i = from; ; ) {
        for (; i < lines.size(); i++) {
          if (wanted.test(lines.get(i))) {
            return lines.get(i);
          }
        }
        if (!node.isAlive()) {
          deadline =
              Math.min(
                  deadline, System.currentTimeMillis() + 500); // its last lines may still be coming
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new AssertionError(
              "Waited for "
                  + what
                  + (node.isAlive() ? "" : " but node exited")
                  + "; the server printed:\n"
                  + String.join("\n", lines)
                  + "\nand on stderr:\n"
                  + stderr);
        }
        try {
          lines.wait(Math.min(left, 200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for " + what, e);
        }
      }
    }
  }

  private static void drain(InputStream in, String name, Consumer<String> sink) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  sink.accept(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            name);
    reader.setDaemon(true);
    reader.start();
  }

  private static boolean nodeRuns() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version.getOutputStream().close();
      version.getInputStream().readAllBytes();
      return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * @return the repository's root: the first folder up from {@code user.dir} with {@code mcp} and
   *     {@code client/}
   */
  private static Path repositoryRoot() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mcp")) && Files.isDirectory(dir.resolve("client"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository root (a folder with mcp and client/) above " + start);
  }

  @Test
  void legacySse_listsAndCallsToolsOnTheSdksSseServerTransport() {
    String sse = url.replace("/mcp", "/sse");
    try (ServerSession session =
        ServerConnector.withDefaults().connect("ts-sse", sse, "sse", Map.of())) {
      assertThat(session.tools())
          .extracting(McpTool::name)
          .containsExactlyInAnyOrder("echo", "slow_progress", "weather");
      ToolOutcome echoed = session.call("echo", Map.of("text", "over the legacy stream"));

      assertThat(echoed.isError()).as(echoed.text()).isFalse();
      assertThat(echoed.text()).isEqualTo("over the legacy stream");
    }
    assertThat(linesFrom(0)).anyMatch(line -> line.startsWith("SSE_OPENED "));
  }

  @Test
  void progress_fromTheSdkServer_isPrintedLineByLine_onBothTransports() {
    for (String[] target :
        new String[][] {{url, "streamable-http"}, {url.replace("/mcp", "/sse"), "sse"}}) {
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      ServerConnector connector =
          ServerConnector.withDefaults()
              .withProgress(
                  new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      try (ServerSession session = connector.connect("ts", target[0], target[1], Map.of())) {
        ToolOutcome done = session.call("slow_progress", Map.of("steps", 3));

        assertThat(done.text()).isEqualTo("done after 3 steps");
      }
      assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList())
          .as(target[1])
          .containsExactly(
              "[ts slow_progress] 33% step 1",
              "[ts slow_progress] 67% step 2", "[ts slow_progress] 100% step 3");
    }
  }
}
