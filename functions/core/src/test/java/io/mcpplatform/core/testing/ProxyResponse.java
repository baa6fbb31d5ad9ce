package io.mcpplatform.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API Gateway proxy response from a Lambda handler, with its JSON-RPC body parsed (when it is
 * JSON).
 */
public final class ProxyResponse {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the event file was called, for messages. */
  public final String name;

  /** The response as the handler wrote it. */
  public final String raw;

  /** The HTTP status. */
  public final int status;

  /** The JSON-RPC body, an empty object when there is none or it is not JSON (an HTML page). */
  public final JsonNode rpc;

  /** The body as text. */
  public final String body;

  /**
   * The response headers (first value of each, from {@code headers} or {@code multiValueHeaders}).
   */
  public final JsonNode headers;

  /** The response's Content-Type, empty when none. */
  public final String contentType;

  /** Of a {@code text/event-stream} body: each event's id and parsed data, in order; else empty. */
  public final List<Map.Entry<String, JsonNode>> events;

  /**
   * @param name the event file's name
   * @param raw the proxy response JSON
   */
  public ProxyResponse(String name, String raw) {
    this.name = name;
    this.raw = raw;
    JsonNode proxy = JSON.readTree(raw);
    this.status = proxy.get("statusCode").asInt();
    this.body = proxy.path("body").asString("");
    tools.jackson.databind.node.ObjectNode firstValues = JSON.createObjectNode();
    proxy
        .path("multiValueHeaders")
        .properties()
        .forEach(h -> firstValues.put(h.getKey(), h.getValue().path(0).asString()));
    proxy
        .path("headers")
        .properties()
        .forEach(h -> firstValues.put(h.getKey(), h.getValue().asString()));
    this.headers = firstValues;
    this.contentType = headers.path("Content-Type").asString("");
    this.events = contentType.startsWith("text/event-stream") ? events(body) : List.of();
    this.rpc =
        !events.isEmpty()
            ? events.get(events.size() - 1).getValue()
            : body.isEmpty() || !(body.startsWith("{") || body.startsWith("["))
                ? JSON.createObjectNode()
                : JSON.readTree(body);
  }

  /**
   * Splits a server-sent event stream at blank lines; each event's data lines are one JSON message.
   */
  private static List<Map.Entry<String, JsonNode>> events(String body) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6)).append('\n');
        }
      }
      if (data.length() > 0) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(id, JSON.readTree(data.toString())));
      }
    }
    return List.copyOf(out);
  }

  /**
   * @return the first text content of a tool result
   */
  public String text() {
    return rpc.at("/result/content/0/text").asString();
  }

  /**
   * @return whether the tool result says isError
   */
  public boolean isError() {
    return rpc.at("/result/isError").asBoolean(false);
  }

  /**
   * @return the tool result's structuredContent, asserted to be an object
   */
  public JsonNode structured() {
    JsonNode node = rpc.at("/result/structuredContent");
    assertThat(node.isObject()).as("structuredContent of %s: %s", name, raw).isTrue();
    return node;
  }
}
