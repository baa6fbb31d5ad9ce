package io.mcpplatform.transport.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SnapStart priming of an MCP function through {@code org.crac}: before Lambda snapshots the
 * initialized function, {@link #beforeCheckpoint} sends a real MCP {@code initialize} and {@code
 * tools/list} through the handler, as API Gateway REST proxy events, so that the container, the
 * servlet, the MCP SDK and Jackson have loaded and run their request path once (no call leaves the
 * process); after a restore, {@link #afterRestore} runs the function's refresh (cached secrets and
 * the like, which must not be shared by every copy restored from one snapshot).
 *
 * <p>The handler keeps a reference to its priming: the global CRaC context may hold resources
 * weakly.
 */
public final class McpPriming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(McpPriming.class);
  private static final String PROTOCOL_VERSION = "2025-06-18";

  /** Request id of the priming calls, made during the init phase before a SnapStart snapshot. */
  static final String PRIMING_REQUEST_ID = "snapstart-priming";

  private final RequestStreamHandler handler;
  private final String mcpPath;
  private final Runnable refresh;
  private final Map<String, Object> toolCall;

  /**
   * @param handler the function's request path (the routes handler, below the per-invocation
   *     logging)
   * @param mcpPath the MCP endpoint, for example {@code /registry/mcp}
   * @param refresh what to renew after a restore
   */
  public McpPriming(RequestStreamHandler handler, String mcpPath, Runnable refresh) {
    this(handler, mcpPath, refresh, null);
  }

  /**
   * @param handler the function's request path (the routes handler, below the per-invocation
   *     logging)
   * @param mcpPath the MCP endpoint, for example {@code /registry/mcp}
   * @param refresh what to renew after a restore
   * @param toolCall the {@code tools/call} params ({@code name}, {@code arguments}) of a call to
   *     prime as well (one whose first run is slow, such as a search that runs a model), or null
   */
  public McpPriming(
      RequestStreamHandler handler,
      String mcpPath,
      Runnable refresh,
      Map<String, Object> toolCall) {
    this.handler = handler;
    this.mcpPath = mcpPath;
    this.refresh = refresh;
    this.toolCall = toolCall;
  }

  /**
   * Registers this priming with the global CRaC context (a no-op on a JVM without CRaC).
   *
   * @return this
   */
  public McpPriming register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
    JsonNode init =
        call(
            1,
            "initialize",
            Map.of(
                "protocolVersion",
                PROTOCOL_VERSION,
                "capabilities",
                Map.of(),
                "clientInfo",
                Map.of("name", "snapstart-priming", "version", "1")));
    JsonNode tools = call(2, "tools/list", Map.of());
    LOG.info(
        "primed {}: initialize answered by {}, tools/list listed {} tools",
        mcpPath,
        init.path("result").path("serverInfo").path("name").asString(""),
        tools.path("result").path("tools").size());
    if (toolCall != null) {
      call(3, "tools/call", toolCall);
      LOG.info("primed {}: tools/call {}", mcpPath, toolCall.get("name"));
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    refresh.run();
  }

  /**
   * Sends one JSON-RPC request through the handler.
   *
   * @param id the request id
   * @param method the MCP method
   * @param params its params
   * @return the JSON-RPC response
   * @throws IOException if the handler answers anything but a 200 with a JSON-RPC result
   */
  JsonNode call(int id, String method, Map<String, Object> params) throws IOException {
    ObjectMapper json = JsonMapper.builder().build();
    byte[] event =
        json.writeValueAsBytes(
            event(
                json,
                json.writeValueAsString(
                    Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event),
        out,
        new InvocationContext(
            PRIMING_REQUEST_ID, System.getenv("AWS_LAMBDA_FUNCTION_NAME"), 10_000));
    JsonNode response = json.readTree(out.toByteArray());
    JsonNode body =
        response.path("body").isString() ? json.readTree(response.path("body").asString()) : null;
    if (response.path("statusCode").asInt() != 200 || body == null || !body.has("result")) {
      throw new IOException(
          "priming "
              + method
              + " on "
              + mcpPath
              + " failed with status "
              + response.path("statusCode").asInt());
    }
    return body;
  }

  private ObjectNode event(ObjectMapper json, String body) {
    Map<String, String> headers =
        Map.of(
            "Accept",
            "application/json, text/event-stream",
            "Content-Type",
            "application/json",
            "MCP-Protocol-Version",
            PROTOCOL_VERSION);
    ObjectNode event = json.createObjectNode();
    event.put("resource", mcpPath);
    event.put("path", mcpPath);
    event.put("httpMethod", "POST");
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.forEach(
        (name, value) -> {
          single.put(name, value);
          multi.set(name, json.valueToTree(List.of(value)));
        });
    ObjectNode request = event.putObject("requestContext");
    request.put("resourcePath", mcpPath);
    request.put("httpMethod", "POST");
    request.put("path", mcpPath);
    request.put("stage", "live");
    request.put("requestId", PRIMING_REQUEST_ID);
    request.putObject("identity").put("sourceIp", "127.0.0.1");
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }
}
