package io.mcpplatform.client.llm;

import java.util.Map;
import java.util.Objects;

/**
 * A tool as offered to the model.
 *
 * @param name name the model uses, within {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what the tool does, nullable
 * @param inputSchema JSON Schema of the arguments (an object schema)
 */
public record ToolSpec(String name, String description, Map<String, Object> inputSchema) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    inputSchema =
        inputSchema == null || inputSchema.isEmpty() ? Map.of("type", "object") : inputSchema;
  }
}
