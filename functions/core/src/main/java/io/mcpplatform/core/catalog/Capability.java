package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A tool or resource an MCP server offers, as declared at registration or discovered by a probe.
 *
 * @param name the tool or resource name
 * @param type {@code tool} or {@code resource}
 * @param description what it does, nullable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Capability(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("description") String description) {

  public static final String TOOL = "tool";
  public static final String RESOURCE = "resource";

  public Capability {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
