package io.mcpplatform.client.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's JSON Schema validator, created on first use: the client validates structured tool
 * results only when a tool declares an output schema, and a command that never needs it (most of
 * them) does not pay for loading the validator at start-up.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

  static final LazySchemaValidator INSTANCE = new LazySchemaValidator();

  private volatile JsonSchemaValidator delegate;

  private LazySchemaValidator() {}

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return delegate().validate(schema, structuredContent);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return delegate().validateSchema(schema);
  }

  private JsonSchemaValidator delegate() {
    JsonSchemaValidator d = delegate;
    if (d == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = McpJsonDefaults.getSchemaValidator();
        }
        d = delegate;
      }
    }
    return d;
  }
}
