package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tool or resource an MCP server offers, as declared at registration or discovered by a probe.
 *
 * <p>The JSON form omits {@code inputSchema} when there is none, so an entry written without input
 * schemas reads back the same and reads as it always did.
 *
 * @param name the tool or resource name
 * @param type {@code tool} or {@code resource}
 * @param description what it does, nullable
 * @param inputSchema the tool's input JSON Schema (an object, within the bounds of {@link
 *     InputSchemas}), nullable; kept in {@link InputSchemas canonical form}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Capability(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("description") String description,
    @JsonProperty("inputSchema") Map<String, Object> inputSchema) {

  public static final String TOOL = "tool";
  public static final String RESOURCE = "resource";

  public Capability {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    inputSchema = inputSchema == null ? null : InputSchemas.copy(inputSchema);
  }

  /**
   * A capability without an input schema.
   *
   * @param name the tool or resource name
   * @param type {@code tool} or {@code resource}
   * @param description what it does, nullable
   */
  public Capability(String name, String type, String description) {
    this(name, type, description, null);
  }

  /**
   * @return this capability without its input schema (itself when it has none)
   */
  public Capability withoutInputSchema() {
    return inputSchema == null ? this : new Capability(name, type, description);
  }

  /**
   * @param capabilities capabilities
   * @return the same capabilities without input schemas, for answers that list many servers
   */
  public static List<Capability> withoutInputSchemas(List<Capability> capabilities) {
    return capabilities.stream().map(Capability::withoutInputSchema).toList();
  }
}
