package io.mcpplatform.client.mcp;

import io.mcpplatform.mcpclient.Json;
import java.util.Map;

/**
 * One tool a server lists ({@code tools/list}): what the client shows, sends to a model and checks
 * results against.
 *
 * @param name the tool's name on its server
 * @param title its display title, nullable
 * @param description what it does, nullable
 * @param inputSchema JSON Schema of its arguments ({@code {"type":"object"}} when the server gave
 *     none)
 * @param outputSchema JSON Schema of its structured result, nullable
 */
public record McpTool(
    String name,
    String title,
    String description,
    Map<String, Object> inputSchema,
    Map<String, Object> outputSchema) {

  public McpTool {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name: a tool needs a name");
    }
    inputSchema = inputSchema == null ? Map.of("type", "object") : inputSchema;
  }

  /**
   * @param tool one entry of a {@code tools/list} result, as {@link Json} reads it
   * @return the tool
   * @throws IllegalArgumentException when the entry is not an object, has no name, or has a schema
   *     that is not an object
   */
  static McpTool from(Object tool) {
    Map<String, Object> json = Json.object(tool);
    String name = json == null ? null : Json.string(json, "name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a tool in tools/list has no name");
    }
    return new McpTool(
        name,
        Json.string(json, "title"),
        Json.string(json, "description"),
        schema(json, name, "inputSchema"),
        schema(json, name, "outputSchema"));
  }

  private static Map<String, Object> schema(Map<String, Object> tool, String name, String field) {
    Object schema = tool.get(field);
    if (schema == null) {
      return null;
    }
    Map<String, Object> object = Json.object(schema);
    if (object == null) {
      throw new IllegalArgumentException(
          "tool '" + name + "' has an " + field + " that is not a JSON object");
    }
    return object;
  }
}
