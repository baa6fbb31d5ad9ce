package io.mcpplatform.health.probe;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One way of exchanging JSON-RPC messages with an MCP server during a probe. */
abstract class McpChannel implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private String protocolVersion;

  /**
   * Sends a request and waits for its response.
   *
   * @return the response's {@code result}
   * @throws ProbeFailedException when the server answers with an error or not at all
   */
  abstract JsonNode call(String method, ObjectNode params, int id) throws IOException, ProbeFailedException;

  /** Sends a notification. */
  abstract void notify(String method) throws IOException, ProbeFailedException;

  @Override
  public abstract void close();

  /** Records the negotiated protocol version, sent as {@code MCP-Protocol-Version} from now on. */
  void negotiated(String version) {
    this.protocolVersion = version;
  }

  /** @return the headers every POST carries */
  Map<String, String> postHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json, text/event-stream");
    if (protocolVersion != null) {
      h.put("MCP-Protocol-Version", protocolVersion);
    }
    return h;
  }

  static byte[] request(String method, ObjectNode params, int id) {
    ObjectNode message = JSON.createObjectNode();
    message.put("jsonrpc", "2.0");
    message.put("id", id);
    message.put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    return JSON.writeValueAsBytes(message);
  }

  static byte[] notification(String method) {
    ObjectNode message = JSON.createObjectNode();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    return JSON.writeValueAsBytes(message);
  }

  /** Fails on a redirect (never followed) or any status but the accepted ones. */
  static void checkStatus(HttpResponse response, String method, int... accepted) throws ProbeFailedException {
    for (int ok : accepted) {
      if (response.status == ok) {
        return;
      }
    }
    if (response.status >= 300 && response.status < 400) {
      String location = response.header("location");
      throw new ProbeFailedException("answered " + method + " with a redirect (HTTP " + response.status
          + (location == null ? "" : " to " + clip(location, 200)) + "); redirects are not followed");
    }
    throw new ProbeFailedException("answered " + method + " with HTTP " + response.status);
  }

  /** Reads the response to request {@code id} from a JSON or event-stream body. */
  static JsonNode awaitResponse(HttpResponse response, String method, int id)
      throws IOException, ProbeFailedException {
    String type = response.mediaType();
    if (type.equals("application/json")) {
      JsonNode body = parse(response.body.readAllBytes(), method);
      JsonNode match = body == null ? null : matching(body, id);
      if (match == null) {
        throw new ProbeFailedException("answered " + method + " with something that is not its JSON-RPC response");
      }
      return resultOf(match, method);
    }
    if (type.equals("text/event-stream")) {
      JsonNode match = awaitOnStream(new SseEvents(response.body), id);
      if (match == null) {
        throw new ProbeFailedException("the event stream ended before the response to " + method);
      }
      return resultOf(match, method);
    }
    throw new ProbeFailedException("answered " + method + " with content type '" + clip(type, 80) + "'");
  }

  /** @return the JSON-RPC message with this id from the stream, or null when the stream ends first */
  static JsonNode awaitOnStream(SseEvents events, int id) throws IOException, ProbeFailedException {
    SseEvents.Event event;
    while ((event = events.next()) != null) {
      if (!event.name().equals("message")) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(event.data());
      } catch (JacksonException e) {
        continue;
      }
      JsonNode match = matching(node, id);
      if (match != null) {
        return match;
      }
    }
    return null;
  }

  static JsonNode parse(byte[] body, String method) throws ProbeFailedException {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new ProbeFailedException("answered " + method + " with something that is not JSON");
    }
  }

  private static JsonNode matching(JsonNode node, int id) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (isResponse(element, id)) {
          return element;
        }
      }
      return null;
    }
    return isResponse(node, id) ? node : null;
  }

  private static boolean isResponse(JsonNode node, int id) {
    return node.isObject() && node.path("id").isNumber() && node.path("id").asInt() == id
        && (node.has("result") || node.has("error"));
  }

  static JsonNode resultOf(JsonNode response, String method) throws ProbeFailedException {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      throw new ProbeFailedException(method + " failed: JSON-RPC error " + error.path("code").asInt() + " "
          + clip(error.path("message").asString(""), 200));
    }
    JsonNode result = response.get("result");
    if (result == null || !result.isObject()) {
      throw new ProbeFailedException("answered " + method + " without a result object");
    }
    return result;
  }

  static String clip(String s, int max) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
