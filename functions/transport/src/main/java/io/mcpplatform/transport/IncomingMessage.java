package io.mcpplatform.transport;

import tools.jackson.databind.JsonNode;

/**
 * What a POSTed body turned out to be, decided before the SDK sees it.
 *
 * @param kind request, notification, response or invalid
 * @param id the id to echo (a string or integer node), or null
 * @param method the method name, or null
 * @param problem for {@link Kind#INVALID}: the JSON-RPC code and client-safe reason
 * @param code for {@link Kind#INVALID}: the JSON-RPC error code
 */
record IncomingMessage(Kind kind, JsonNode id, String method, String problem, int code) {

  enum Kind {
    REQUEST,
    NOTIFICATION,
    RESPONSE,
    INVALID
  }

  static IncomingMessage classify(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: empty body");
    }
    if (root.isArray()) {
      return invalid(
          null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: batches are not supported");
    }
    if (!root.isObject()) {
      return invalid(
          null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: expected a JSON-RPC 2.0 object");
    }
    JsonNode idNode = root.get("id");
    JsonNode id = validId(idNode) ? idNode : null;
    JsonNode version = root.get("jsonrpc");
    if (version == null || !version.isString() || !"2.0".equals(version.asString())) {
      return invalid(
          id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
    }
    JsonNode method = root.get("method");
    if (method == null) {
      boolean hasResult = root.has("result");
      boolean hasError = root.has("error");
      if (id != null && hasResult != hasError) {
        return new IncomingMessage(Kind.RESPONSE, id, null, null, 0);
      }
      return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: \"method\" is required");
    }
    if (!method.isString() || method.asString().isEmpty()) {
      return invalid(
          id,
          JsonRpcErrors.INVALID_REQUEST,
          "Invalid Request: \"method\" must be a non-empty string");
    }
    if (idNode != null && id == null) {
      return invalid(
          null,
          JsonRpcErrors.INVALID_REQUEST,
          "Invalid Request: \"id\" must be a string or an integer");
    }
    JsonNode params = root.get("params");
    if (params != null && !params.isObject()) {
      return invalid(
          id, JsonRpcErrors.INVALID_PARAMS, "Invalid params: \"params\" must be an object");
    }
    if (id != null && "tools/call".equals(method.asString())) {
      String problem = toolCallProblem(params);
      if (problem != null) {
        return invalid(id, JsonRpcErrors.INVALID_PARAMS, problem);
      }
    }
    return new IncomingMessage(
        id == null ? Kind.NOTIFICATION : Kind.REQUEST, id, method.asString(), null, 0);
  }

  /**
   * The SDK answers a mistyped tools/call with a serialized exception; say what is wrong instead.
   */
  private static String toolCallProblem(JsonNode params) {
    if (params == null) {
      return "Invalid params: tools/call needs params with a tool \"name\"";
    }
    JsonNode name = params.get("name");
    if (name == null || !name.isString() || name.asString().isEmpty()) {
      return "Invalid params: \"name\" must be a non-empty string";
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      return "Invalid params: \"arguments\" must be an object";
    }
    return null;
  }

  private static boolean validId(JsonNode id) {
    return id != null && (id.isString() || id.isIntegralNumber());
  }

  private static IncomingMessage invalid(JsonNode id, int code, String problem) {
    return new IncomingMessage(Kind.INVALID, id, null, problem, code);
  }
}
