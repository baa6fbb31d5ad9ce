package io.mcpplatform.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An API Gateway proxy response from a Lambda handler, with its JSON-RPC body parsed (when it is JSON). */
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
  /** The response headers (first value of each, from {@code headers} or {@code multiValueHeaders}). */
  public final JsonNode headers;

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
    proxy.path("multiValueHeaders").properties()
        .forEach(h -> firstValues.put(h.getKey(), h.getValue().path(0).asString()));
    proxy.path("headers").properties().forEach(h -> firstValues.put(h.getKey(), h.getValue().asString()));
    this.headers = firstValues;
    this.rpc = body.isEmpty() || !(body.startsWith("{") || body.startsWith("[")) ? JSON.createObjectNode()
        : JSON.readTree(body);
  }

  /** @return the first text content of a tool result */
  public String text() {
    return rpc.at("/result/content/0/text").asString();
  }

  /** @return whether the tool result says isError */
  public boolean isError() {
    return rpc.at("/result/isError").asBoolean(false);
  }

  /** @return the tool result's structuredContent, asserted to be an object */
  public JsonNode structured() {
    JsonNode node = rpc.at("/result/structuredContent");
    assertThat(node.isObject()).as("structuredContent of %s: %s", name, raw).isTrue();
    return node;
  }
}
