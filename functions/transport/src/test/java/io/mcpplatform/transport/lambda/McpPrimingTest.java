package io.mcpplatform.transport.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import io.mcpplatform.transport.TestToolsAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SnapStart priming through the routes handler; the hooks are called directly (this JVM cannot
 * checkpoint).
 */
class McpPrimingTest {

  private final LambdaRoutesHandler handler =
      new LambdaRoutesHandler(
          List.of(
              new Route(
                  "/test/mcp",
                  StatelessMcpServlet.builder("primed-server", "1.0.0")
                      .tools(List.of(TestToolsAccess.echo()))
                      .build())));

  @Test
  void call_sendsInitializeAndToolsList_throughTheHandler() throws IOException {
    McpPriming priming = new McpPriming(handler, "/test/mcp", () -> {});

    JsonNode init =
        priming.call(
            1,
            "initialize",
            Map.of(
                "protocolVersion",
                "2025-06-18",
                "capabilities",
                Map.of(),
                "clientInfo",
                Map.of("name", "t", "version", "1")));
    JsonNode tools = priming.call(2, "tools/list", Map.of());

    assertThat(init.at("/result/serverInfo/name").asString()).isEqualTo("primed-server");
    assertThat(tools.at("/result/tools/0/name").asString()).isEqualTo("echo");
    priming.beforeCheckpoint(null);
  }

  @Test
  void beforeCheckpoint_fails_whenTheHandlerCannotAnswer() {
    McpPriming priming =
        new McpPriming(
            (in, out, context) ->
                out.write("{\"statusCode\":502,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8)),
            "/test/mcp",
            () -> {});

    assertThatThrownBy(() -> priming.beforeCheckpoint(null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("status 502");
  }

  @Test
  void afterRestore_runsTheFunctionsRefresh() {
    AtomicInteger refreshes = new AtomicInteger();
    McpPriming priming = new McpPriming(handler, "/test/mcp", refreshes::incrementAndGet);

    priming.afterRestore(null);

    assertThat(refreshes.get()).isEqualTo(1);
  }
}
