package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Source repository of a server (official {@code repository}).
 *
 * @param url repository URL
 * @param source hosting service, e.g. {@code github}
 * @param id repository id at that service, nullable
 * @param subfolder path inside the repository, nullable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Repository(
    @JsonProperty("url") String url,
    @JsonProperty("source") String source,
    @JsonProperty("id") String id,
    @JsonProperty("subfolder") String subfolder) {

  public Repository {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
  }
}
