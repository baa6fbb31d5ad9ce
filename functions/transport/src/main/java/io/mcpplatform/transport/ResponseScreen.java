package io.mcpplatform.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what of the SDK's answer may reach a client. A well-formed JSON-RPC response passes; an
 * error message or data that smells of Java internals (exception names, class names, stack frames)
 * is replaced by a generic message with a logged reference; anything else (a serialized exception,
 * an HTML error page, an empty body) becomes an "Internal error (ref X)" object.
 */
final class ResponseScreen {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseScreen.class);
  private static final int MAX_LOGGED_CHARS = 2_000;

  /** Exception or error type names, stack frames, Java packages and fully qualified class names. */
  private static final Pattern JAVA_INTERNALS =
      Pattern.compile(
          "Exception|Throwable|\\bStackOverflowError\\b|\\bOutOfMemoryError\\b|stackTrace"
              + "|\\bat [\\w$]+(\\.[\\w$]+)+\\("
              + "|\\b(java|javax|jakarta|sun|jdk|tools\\.jackson|com\\.fasterxml|reactor|io\\.modelcontextprotocol"
              + "|io\\.mcpplatform|com\\.amazonaws|software\\.amazon|org\\.eclipse)\\.[\\w$]"
              + "|\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z][\\w$]*");

  private ResponseScreen() {}

  /** The answer to send: an HTTP status and a JSON body. */
  record Answer(int httpStatus, byte[] json) {}

  static boolean looksInternal(String text) {
    return text != null && JAVA_INTERNALS.matcher(text).find();
  }

  /**
   * @param incoming the request that was handed to the SDK
   * @param captured what the SDK wrote
   * @return the screened answer
   */
  static Answer screen(IncomingMessage incoming, CapturedResponse captured) {
    byte[] body = captured.body();
    int status = captured.capturedStatus();
    if (status == 200 && !captured.errorSent()) {
      if (isResultTo(body, incoming)) {
        // a well-formed result passes as the SDK wrote it: no tree, no second serialization
        return new Answer(200, body);
      }
      JsonNode response = parse(body);
      if (isResponseTo(response, incoming)) {
        return new Answer(
            200, JsonRpcErrors.MAPPER.writeValueAsBytes(cleanError((ObjectNode) response)));
      }
    }
    String ref = JsonRpcErrors.newReference();
    LOG.error(
        "MCP SDK gave an unusable answer to {} (ref {}): status {}, body {}",
        incoming.method(),
        ref,
        status,
        truncate(body));
    if (status == 503) {
      return new Answer(
          503,
          JsonRpcErrors.errorBytes(
              incoming.id(),
              JsonRpcErrors.SERVER_ERROR,
              "Service unavailable: the server is shutting down (ref " + ref + ")"));
    }
    int httpStatus = status >= 400 && status < 600 && status != 404 ? status : 500;
    int code = httpStatus < 500 ? JsonRpcErrors.INVALID_REQUEST : JsonRpcErrors.INTERNAL_ERROR;
    String message = httpStatus < 500 ? "Invalid Request" : "Internal error";
    return new Answer(
        httpStatus, JsonRpcErrors.errorBytes(incoming.id(), code, message + " (ref " + ref + ")"));
  }

  /**
   * Checks the whole body for well-formed JSON and reads only its top level: true when it is
   * exactly one JSON-RPC success response to this request.
   */
  private static boolean isResultTo(byte[] body, IncomingMessage incoming) {
    List<JsonShape.Member> members = JsonShape.topLevelMembers(body);
    if (members == null) {
      return false;
    }
    boolean versionOk = false;
    boolean idOk = false;
    boolean result = false;
    try {
      for (JsonShape.Member m : members) {
        switch (m.name()) {
          case "jsonrpc" -> {
            JsonNode version = value(body, m);
            versionOk = version.isString() && "2.0".equals(version.asString());
          }
          case "id" -> idOk = sameId(value(body, m), incoming.id());
          case "result" -> result = true;
          case "error" -> {
            return false;
          }
          default -> {
            // other members are allowed and passed as written
          }
        }
      }
    } catch (JacksonException e) {
      return false;
    }
    return versionOk && idOk && result;
  }

  private static JsonNode value(byte[] body, JsonShape.Member m) {
    return JsonRpcErrors.MAPPER.readTree(Arrays.copyOfRange(body, m.valueStart(), m.valueEnd()));
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JsonRpcErrors.MAPPER.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static boolean isResponseTo(JsonNode response, IncomingMessage incoming) {
    if (response == null || !response.isObject()) {
      return false;
    }
    JsonNode version = response.get("jsonrpc");
    if (version == null || !"2.0".equals(version.asString(null))) {
      return false;
    }
    JsonNode id = response.get("id");
    if (!sameId(id, incoming.id())) {
      return false;
    }
    JsonNode result = response.get("result");
    JsonNode error = response.get("error");
    if ((result == null) == (error == null)) {
      return false;
    }
    if (error != null) {
      JsonNode code = error.get("code");
      JsonNode message = error.get("message");
      return error.isObject()
          && code != null
          && code.isIntegralNumber()
          && message != null
          && message.isString();
    }
    return true;
  }

  private static boolean sameId(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.isString() && b.isString()) {
      return a.asString().equals(b.asString());
    }
    return a.isIntegralNumber()
        && b.isIntegralNumber()
        && a.bigIntegerValue().equals(b.bigIntegerValue());
  }

  private static JsonNode cleanError(ObjectNode response) {
    JsonNode errorNode = response.get("error");
    if (errorNode == null) {
      return response;
    }
    ObjectNode error = (ObjectNode) errorNode;
    String message = error.get("message").asString();
    JsonNode data = error.get("data");
    boolean dataInternal = data != null && looksInternal(data.toString());
    if (!looksInternal(message) && !dataInternal) {
      return response;
    }
    String ref = JsonRpcErrors.newReference();
    LOG.warn(
        "Replaced an error message that exposed internals (ref {}): {} data {}",
        ref,
        message,
        data);
    int code = error.get("code").asInt();
    error.put("message", genericMessage(code) + " (ref " + ref + ")");
    if (dataInternal) {
      error.remove("data");
    }
    return response;
  }

  static String genericMessage(int code) {
    switch (code) {
      case JsonRpcErrors.PARSE_ERROR:
        return "Parse error";
      case JsonRpcErrors.INVALID_REQUEST:
        return "Invalid Request";
      case JsonRpcErrors.METHOD_NOT_FOUND:
        return "Method not found";
      case JsonRpcErrors.INVALID_PARAMS:
        return "Invalid params";
      case JsonRpcErrors.INTERNAL_ERROR:
        return "Internal error";
      default:
        return "Server error";
    }
  }

  private static String truncate(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= MAX_LOGGED_CHARS ? text : text.substring(0, MAX_LOGGED_CHARS) + "...";
  }
}
