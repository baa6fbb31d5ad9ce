package io.mcpplatform.transport;

import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A tool's {@code structuredContent} built once as a tree and serialized once. The tree is what
 * {@link CompiledSchemaValidator} checks against the tool's output schema; the compact text is what
 * a client receives, written verbatim where the result carries its structured content, and usable
 * as the result's JSON text content too, so one result's data is serialized once rather than once
 * per place.
 *
 * <p>The tree must not change after {@link #of} serialized it.
 */
public final class StructuredJson implements JacksonSerializable {

  private final JsonNode tree;
  private final String text;

  private StructuredJson(JsonNode tree, String text) {
    this.tree = tree;
    this.text = text;
  }

  /**
   * @param json the mapper that serializes the tree, as the tool's results are serialized
   * @param tree the structured content, not to be changed afterwards
   * @return the content with its compact JSON text
   */
  public static StructuredJson of(ObjectMapper json, JsonNode tree) {
    Objects.requireNonNull(tree, "tree");
    return new StructuredJson(tree, json.writeValueAsString(tree));
  }

  /**
   * @return the structured content as a tree
   */
  public JsonNode tree() {
    return tree;
  }

  /**
   * @return the structured content as compact JSON text
   */
  public String text() {
    return text;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializationContext context) {
    gen.writeRawValue(text);
  }

  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
    serialize(gen, context);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructuredJson other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
