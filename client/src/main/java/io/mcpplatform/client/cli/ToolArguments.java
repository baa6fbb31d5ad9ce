package io.mcpplatform.client.cli;

import io.mcpplatform.client.mcp.McpTool;
import io.mcpplatform.mcpclient.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code key=value} words into tool arguments, typed by the tool's input schema: a string
 * parameter takes the text as is; any other parameter takes the value as JSON ({@code 48.85},
 * {@code true}, {@code [1,2]}), falling back to the text when it is not JSON.
 */
final class ToolArguments {

  private ToolArguments() {}

  static Map<String, Object> parse(McpTool tool, List<String> words, String inputJson) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    if (inputJson != null) {
      Map<String, Object> object;
      try {
        object = Json.object(Json.parse(inputJson));
      } catch (IllegalArgumentException e) {
        object = null;
      }
      if (object == null) {
        throw new Args.UsageException("--input must be a JSON object");
      }
      arguments.putAll(object);
    }
    Map<?, ?> properties =
        tool.inputSchema() != null && tool.inputSchema().get("properties") instanceof Map<?, ?> p
            ? p
            : Map.of();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new Args.UsageException("Tool arguments are key=value, got '" + word + "'");
      }
      String key = word.substring(0, eq);
      String raw = word.substring(eq + 1);
      arguments.put(key, isString(properties.get(key)) ? raw : jsonOrText(raw));
    }
    return arguments;
  }

  private static boolean isString(Object schema) {
    return schema instanceof Map<?, ?> m && "string".equals(m.get("type"));
  }

  private static Object jsonOrText(String raw) {
    try {
      return Json.parse(raw);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
