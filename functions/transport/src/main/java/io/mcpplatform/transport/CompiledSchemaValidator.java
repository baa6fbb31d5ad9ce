package io.mcpplatform.transport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's JSON Schema checks of tool arguments and structured results, with the SDK validator's
 * library, dialect (2020-12) and messages, minus two costs per call that profiles showed: each
 * schema is compiled once and found again by identity (the SDK's validator hashes the whole schema
 * map on every call), and a {@link StructuredJson} result is checked as the tree it already is and
 * answered with the text it already has, where the SDK's validator converts the content to a tree
 * and serializes it again. Failures read as the tools' own checks do, field by field ({@link
 * SchemaMessages}); no message of the schema or JSON library reaches a caller.
 *
 * <p>Schemas are the tools' own maps, which do not change once the server is built; up to {@value
 * #MAX_CACHED} are kept, any further one is compiled for its call only. Thread-safe.
 */
public final class CompiledSchemaValidator implements JsonSchemaValidator {

  static final int MAX_CACHED = 256;

  private final JsonMapper mapper = JsonMapper.shared();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
  private final Map<Identity, Schema> compiled = new ConcurrentHashMap<>();

  /** Checks schemas themselves against the 2020-12 meta-schema, when tools are registered. */
  private final DefaultJsonSchemaValidator schemaChecks = new DefaultJsonSchemaValidator();

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    if (schema == null) {
      throw new IllegalArgumentException("Schema must not be null");
    }
    if (structuredContent == null) {
      throw new IllegalArgumentException("Structured content must not be null");
    }
    JsonNode tree;
    String text = null;
    try {
      if (structuredContent instanceof StructuredJson prepared) {
        tree = prepared.tree();
        text = prepared.text();
      } else if (structuredContent instanceof String json) {
        tree = mapper.readTree(json);
      } else {
        tree = mapper.valueToTree(structuredContent);
      }
    } catch (JacksonException e) {
      return ValidationResponse.asInvalid("the value is not readable JSON");
    }
    try {
      List<Error> errors = compiled(schema).validate(tree);
      if (!errors.isEmpty()) {
        return ValidationResponse.asInvalid(SchemaMessages.describe(schema, errors));
      }
      return ValidationResponse.asValid(text != null ? text : tree.toString());
    } catch (RuntimeException e) {
      // the schema library cannot read some values (1e308 for an integer): name the fields instead
      return ValidationResponse.asInvalid(SchemaMessages.describeUnreadable(schema, tree));
    }
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return schemaChecks.validateSchema(schema);
  }

  private Schema compiled(Map<String, Object> schema) {
    Identity key = new Identity(schema);
    Schema known = compiled.get(key);
    if (known != null) {
      return known;
    }
    Schema fresh = registry.getSchema(mapper.valueToTree(schema));
    if (compiled.size() < MAX_CACHED) {
      Schema raced = compiled.putIfAbsent(key, fresh);
      return raced != null ? raced : fresh;
    }
    return fresh;
  }

  /** A schema map as a key by identity: the same map instance, not an equal one. */
  private record Identity(Map<String, Object> schema) {

    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }
}
