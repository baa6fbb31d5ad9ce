package io.mcpplatform.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.ProbeSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart priming of the health checker through {@code org.crac}: before the snapshot, the MCP
 * probe (the code a run spends its time in) speaks a real {@code initialize} and {@code tools/list}
 * over HTTP to a tiny MCP server on an ephemeral loopback port inside the process, which is closed
 * again before the snapshot; nothing leaves the process. The checker holds no secret and opens no
 * AWS connection during init, so nothing needs refreshing after a restore.
 */
public final class ProbePriming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(ProbePriming.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Registers this priming with the global CRaC context (a no-op on a JVM without CRaC).
   *
   * @return this
   */
  public ProbePriming register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
    ProbeResult result = prime();
    if (result.outcome() != ProbeOutcome.UP) {
      throw new IOException("priming the MCP probe failed: " + result.detail());
    }
    LOG.info(
        "primed the MCP probe: {} tools listed by {}",
        result.discovered().size(),
        result.serverName());
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing held across the snapshot needs renewing: no secret, no open connection, no seeded
    // random
  }

  /**
   * Probes the in-process MCP server once.
   *
   * @return what the probe found
   * @throws IOException if the loopback server cannot start
   */
  ProbeResult prime() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/mcp", ProbePriming::answer);
    server.start();
    try {
      McpHealthProbe probe =
          new McpHealthProbe(ProbeSettings.defaults(AddressPolicy.allowingLoopback()));
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
      return probe.probe(new Remote(Remote.STREAMABLE_HTTP, url, null));
    } finally {
      server.stop(0);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
      if (!request.has("id")) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      Object result =
          switch (request.path("method").asString("")) {
            case "initialize" ->
                Map.of(
                    "protocolVersion",
                    request.at("/params/protocolVersion").asString(),
                    "capabilities",
                    Map.of("tools", Map.of()),
                    "serverInfo",
                    Map.of("name", "snapstart-priming", "version", "1"));
            case "tools/list" ->
                Map.of(
                    "tools",
                    List.of(
                        Map.of(
                            "name",
                            "ping",
                            "description",
                            "Answers pong",
                            "inputSchema",
                            Map.of("type", "object"))));
            default -> Map.of();
          };
      byte[] body =
          JSON.writeValueAsBytes(
              Map.of("jsonrpc", "2.0", "id", request.get("id"), "result", result));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
