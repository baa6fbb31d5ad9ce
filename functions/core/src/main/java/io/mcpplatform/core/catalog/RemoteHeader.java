package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A header a remote requires from its clients (official {@code remotes[].headers}); the registry
 * stores the declaration, never a value.
 *
 * @param name header name
 * @param description what the value is, nullable
 * @param isRequired whether a client must send it, nullable (false)
 * @param isSecret whether the value is a secret, nullable (false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoteHeader(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("isRequired") Boolean isRequired,
    @JsonProperty("isSecret") Boolean isSecret) {

  public RemoteHeader {
    Objects.requireNonNull(name, "name");
  }
}
