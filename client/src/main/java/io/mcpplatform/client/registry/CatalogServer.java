package io.mcpplatform.client.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A catalog entry as the registry's MCP tools return it (the fields the client uses; others ignored).
 *
 * @param name unique id ({@code server_id})
 * @param title human-readable name, nullable
 * @param description what it offers, nullable
 * @param version version, nullable
 * @param remotes where it is reached
 * @param tags tags
 * @param capabilities declared capabilities
 * @param discoveredCapabilities capabilities health checks found
 * @param health health, nullable
 * @param status lifecycle status, nullable
 * @param score search relevance, null outside search results
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogServer(
    @JsonProperty("name") String name,
    @JsonProperty("title") String title,
    @JsonProperty("description") String description,
    @JsonProperty("version") String version,
    @JsonProperty("remotes") List<CatalogRemote> remotes,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("capabilities") List<CatalogCapability> capabilities,
    @JsonProperty("discoveredCapabilities") List<CatalogCapability> discoveredCapabilities,
    @JsonProperty("health") CatalogHealth health,
    @JsonProperty("status") String status,
    @JsonProperty("score") Double score) {

  public CatalogServer {
    Objects.requireNonNull(name, "name");
    remotes = remotes == null ? List.of() : List.copyOf(remotes);
    tags = tags == null ? List.of() : List.copyOf(tags);
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    discoveredCapabilities = discoveredCapabilities == null ? List.of() : List.copyOf(discoveredCapabilities);
  }

  /** @return the first Streamable HTTP remote, or the first remote, or null */
  public CatalogRemote remote() {
    return remotes.stream().filter(r -> "streamable-http".equals(r.type())).findFirst()
        .orElse(remotes.isEmpty() ? null : remotes.get(0));
  }

  /** @return health status ({@code healthy}, {@code unhealthy}, {@code unknown}) */
  public String healthStatus() {
    return health == null || health.status() == null ? "unknown" : health.status();
  }

  /**
   * A header a remote requires (official {@code remotes[].headers}).
   *
   * @param name header name
   * @param description what the value is, nullable
   * @param isRequired whether it must be sent, nullable
   * @param isSecret whether the value is secret, nullable
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RemoteHeader(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("isRequired") Boolean isRequired,
      @JsonProperty("isSecret") Boolean isSecret) {
    public RemoteHeader {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Where a server is reached.
   *
   * @param type {@code streamable-http} or {@code sse}
   * @param url endpoint URL
   * @param headers headers it requires
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CatalogRemote(
      @JsonProperty("type") String type,
      @JsonProperty("url") String url,
      @JsonProperty("headers") List<RemoteHeader> headers) {
    public CatalogRemote {
      Objects.requireNonNull(url, "url");
      headers = headers == null ? List.of() : List.copyOf(headers);
    }
  }

  /**
   * A declared or discovered capability.
   *
   * @param name name
   * @param type {@code tool}, {@code resource} or {@code prompt}, nullable
   * @param description description, nullable
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CatalogCapability(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("description") String description) {
    public CatalogCapability {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Health as the registry last recorded it.
   *
   * @param status {@code healthy}, {@code unhealthy} or {@code unknown}
   * @param checkedAt ISO-8601 time of the last check, nullable
   * @param latencyMillis latency of the last successful check, nullable
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CatalogHealth(
      @JsonProperty("status") String status,
      @JsonProperty("checkedAt") String checkedAt,
      @JsonProperty("latencyMillis") Long latencyMillis) {
  }
}
