package io.mcpplatform.transport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a tool's progress reports into {@code notifications/progress} messages for one call. */
final class ProgressNotifier implements ProgressSink {

  private final JsonNode token;
  private final MessageSink sink;

  ProgressNotifier(JsonNode token, MessageSink sink) {
    this.token = token;
    this.sink = sink;
  }

  /**
   * @param request a JSON-RPC request
   * @return its {@code params._meta.progressToken} when it is a string or an integer, else null
   */
  static JsonNode token(JsonNode request) {
    JsonNode params = request.get("params");
    JsonNode meta = params == null ? null : params.get("_meta");
    JsonNode token = meta == null ? null : meta.get("progressToken");
    return token != null && (token.isString() || token.isIntegralNumber()) ? token : null;
  }

  @Override
  public void report(double progress, Double total, String message) {
    ObjectNode notification = JsonRpcErrors.MAPPER.createObjectNode();
    notification.put("jsonrpc", "2.0");
    notification.put("method", "notifications/progress");
    ObjectNode params = notification.putObject("params");
    params.set("progressToken", token);
    params.put("progress", progress);
    if (total != null) {
      params.put("total", total);
    }
    if (message != null) {
      params.put("message", message);
    }
    sink.send(JsonRpcErrors.MAPPER.writeValueAsBytes(notification));
  }
}
