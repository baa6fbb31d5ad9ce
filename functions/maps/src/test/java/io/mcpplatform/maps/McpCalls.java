package io.mcpplatform.maps;

import com.amazonaws.services.lambda.runtime.Context;
import io.mcpplatform.core.testing.EventFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls a maps tool through the Lambda handler with the proxy event of {@code
 * events/maps/get-location.json}.
 */
final class McpCalls {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private McpCalls() {}

  /**
   * @return the JSON-RPC {@code result} of a tools/call
   */
  static JsonNode call(MapsHandler handler, String tool, Map<String, Object> arguments) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", tool);
    params.put("arguments", arguments);
    Map<String, Object> body =
        Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/call", "params", params);
    ObjectNode event = (ObjectNode) JSON.readTree(EventFiles.read("maps", "get-location.json"));
    event.put("body", JSON.writeValueAsString(body));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, (Context) null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode proxy = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    return JSON.readTree(proxy.get("body").asString()).get("result");
  }
}
