package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and writes JSON-RPC 2.0 error objects, the only shape of error this transport ever sends:
 * {@code {"jsonrpc":"2.0","id":...,"error":{"code":...,"message":...}}}.
 */
public final class JsonRpcErrors {

  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON sent is not a valid JSON-RPC request. */
  public static final int INVALID_REQUEST = -32600;

  /** The method does not exist. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Invalid method parameters. */
  public static final int INVALID_PARAMS = -32602;

  /** Internal JSON-RPC error. */
  public static final int INTERNAL_ERROR = -32603;

  /**
   * Transport-level rejection (wrong method, media type, host...), as the TypeScript SDK uses it.
   */
  public static final int SERVER_ERROR = -32000;

  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JsonRpcErrors() {}

  /**
   * Builds an error object.
   *
   * @param id the request id to echo, or null when unknown
   * @param code the JSON-RPC error code
   * @param message a client-safe message
   * @return the error object
   */
  public static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("jsonrpc", "2.0");
    root.set("id", id == null ? NullNode.getInstance() : id);
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return root;
  }

  /**
   * Serializes an error object to UTF-8 bytes.
   *
   * @param id the request id to echo, or null when unknown
   * @param code the JSON-RPC error code
   * @param message a client-safe message
   * @return the JSON bytes
   */
  public static byte[] errorBytes(JsonNode id, int code, String message) {
    return MAPPER.writeValueAsBytes(error(id, code, message));
  }

  /**
   * Writes an error object as the whole response, replacing anything buffered before.
   *
   * @param response the servlet response, not yet committed
   * @param httpStatus the HTTP status
   * @param id the request id to echo, or null when unknown
   * @param code the JSON-RPC error code
   * @param message a client-safe message
   * @throws IOException if the response cannot be written
   */
  public static void write(
      HttpServletResponse response, int httpStatus, JsonNode id, int code, String message)
      throws IOException {
    writeJson(response, httpStatus, errorBytes(id, code, message));
  }

  static void writeJson(HttpServletResponse response, int httpStatus, byte[] json)
      throws IOException {
    if (!response.isCommitted()) {
      response.resetBuffer();
    }
    response.setStatus(httpStatus);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
    response.flushBuffer();
  }

  /**
   * A short random reference to quote to a client and log next to the detail it stands for.
   *
   * @return eight hex digits
   */
  public static String newReference() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
