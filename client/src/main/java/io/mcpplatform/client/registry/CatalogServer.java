package io.mcpplatform.client.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.mcpclient.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A catalog entry as the registry's MCP tools return it (the fields the client uses; others
 * ignored).
 *
 * <p>Read from the JSON tree by hand ({@link #from}): Jackson's data binding of these records costs
 * a short command about 100 ms of cold introspection, a third of the discovery budget. The JSON
 * property annotations serve {@code --json} output.
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
 * @param score search relevance, null outside search results (0 to 1 from a registry with fused
 *     ranking)
 * @param match which fields matched the search, lexically and by meaning; null outside search
 *     results or from a registry that does not say
 */
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
    @JsonProperty("score") Double score,
    @JsonProperty("match") SearchMatch match) {

  public CatalogServer {
    Objects.requireNonNull(name, "name");
    remotes = remotes == null ? List.of() : List.copyOf(remotes);
    tags = tags == null ? List.of() : List.copyOf(tags);
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    discoveredCapabilities =
        discoveredCapabilities == null ? List.of() : List.copyOf(discoveredCapabilities);
  }

  /**
   * @param json one entry of {@code search_servers}' {@code servers} or {@code get_server}'s result
   * @return the entry
   * @throws IllegalArgumentException naming the field when the entry is not an object or lacks a
   *     name or a remote URL
   */
  public static CatalogServer from(Object entry) {
    Map<String, Object> json = object(entry, "server entry");
    Object score = json.get("score");
    return new CatalogServer(
        required(json, "name"),
        Json.string(json, "title"),
        Json.string(json, "description"),
        Json.string(json, "version"),
        list(json, "remotes", CatalogRemote::from),
        list(json, "tags", t -> t instanceof String tag ? tag : null),
        list(json, "capabilities", CatalogCapability::from),
        list(json, "discoveredCapabilities", CatalogCapability::from),
        json.get("health") == null ? null : CatalogHealth.from(json.get("health")),
        Json.string(json, "status"),
        score instanceof Number n ? n.doubleValue() : null,
        json.get("match") == null ? null : SearchMatch.from(json.get("match")));
  }

  /**
   * @return the first Streamable HTTP remote, or the first remote, or null
   */
  public CatalogRemote remote() {
    for (CatalogRemote r : remotes) {
      if ("streamable-http".equals(r.type())) {
        return r;
      }
    }
    return remotes.isEmpty() ? null : remotes.get(0);
  }

  /**
   * @return health status ({@code healthy}, {@code unhealthy}, {@code unknown})
   */
  public String healthStatus() {
    return health == null || health.status() == null ? "unknown" : health.status();
  }

  /**
   * Why a search hit matched: the fields whose words matched the query ({@code lexical}) and those
   * close to it in meaning ({@code semantic}).
   *
   * @param lexical fields matched word for word, such as {@code name} or {@code tags}
   * @param semantic fields matched by meaning, such as {@code description} or a tool
   */
  public record SearchMatch(
      @JsonProperty("lexical") List<String> lexical,
      @JsonProperty("semantic") List<String> semantic) {
    public SearchMatch {
      lexical = lexical == null ? List.of() : List.copyOf(lexical);
      semantic = semantic == null ? List.of() : List.copyOf(semantic);
    }

    static SearchMatch from(Object match) {
      Map<String, Object> json = object(match, "match");
      try {
        return new SearchMatch(
            list(json, "lexical", f -> f instanceof String field ? field : null),
            list(json, "semantic", f -> f instanceof String field ? field : null));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("match." + e.getMessage(), e);
      }
    }
  }

  /**
   * A header a remote requires (official {@code remotes[].headers}).
   *
   * @param name header name
   * @param description what the value is, nullable
   * @param isRequired whether it must be sent, nullable
   * @param isSecret whether the value is secret, nullable
   */
  public record RemoteHeader(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("isRequired") Boolean isRequired,
      @JsonProperty("isSecret") Boolean isSecret) {
    public RemoteHeader {
      Objects.requireNonNull(name, "name");
    }

    static RemoteHeader from(Object header) {
      Map<String, Object> json = object(header, "remotes[].headers[]");
      return new RemoteHeader(
          required(json, "name"),
          Json.string(json, "description"),
          json.get("isRequired") instanceof Boolean b ? b : null,
          json.get("isSecret") instanceof Boolean b ? b : null);
    }
  }

  /**
   * Where a server is reached.
   *
   * @param type {@code streamable-http} or {@code sse}
   * @param url endpoint URL
   * @param headers headers it requires
   */
  public record CatalogRemote(
      @JsonProperty("type") String type,
      @JsonProperty("url") String url,
      @JsonProperty("headers") List<RemoteHeader> headers) {
    public CatalogRemote {
      Objects.requireNonNull(url, "url");
      headers = headers == null ? List.of() : List.copyOf(headers);
    }

    static CatalogRemote from(Object remote) {
      Map<String, Object> json = object(remote, "remotes[]");
      return new CatalogRemote(
          Json.string(json, "type"),
          required(json, "url"),
          list(json, "headers", RemoteHeader::from));
    }
  }

  /**
   * A declared or discovered capability.
   *
   * @param name name
   * @param type {@code tool}, {@code resource} or {@code prompt}, nullable
   * @param description description, nullable
   */
  public record CatalogCapability(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("description") String description) {
    public CatalogCapability {
      Objects.requireNonNull(name, "name");
    }

    static CatalogCapability from(Object capability) {
      Map<String, Object> json = object(capability, "capabilities[]");
      return new CatalogCapability(
          required(json, "name"), Json.string(json, "type"), Json.string(json, "description"));
    }
  }

  /**
   * Health as the registry last recorded it.
   *
   * @param status {@code healthy}, {@code unhealthy} or {@code unknown}
   * @param checkedAt ISO-8601 time of the last check, nullable
   * @param latencyMillis latency of the last successful check, nullable
   */
  public record CatalogHealth(
      @JsonProperty("status") String status,
      @JsonProperty("checkedAt") String checkedAt,
      @JsonProperty("latencyMillis") Long latencyMillis) {

    static CatalogHealth from(Object health) {
      Map<String, Object> json = object(health, "health");
      return new CatalogHealth(
          Json.string(json, "status"),
          Json.string(json, "checkedAt"),
          json.get("latencyMillis") instanceof Number n ? n.longValue() : null);
    }
  }

  private static Map<String, Object> object(Object value, String what) {
    Map<String, Object> json = Json.object(value);
    if (json == null) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return json;
  }

  private static String required(Map<String, Object> json, String field) {
    String value = Json.string(json, field);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return value;
  }

  /**
   * The array's elements read by {@code read} (nulls dropped); an absent field is an empty list.
   */
  private static <T> List<T> list(
      Map<String, Object> json, String field, Function<Object, T> read) {
    Object value = json.get(field);
    if (value == null) {
      return List.of();
    }
    List<Object> array = Json.array(value);
    if (array == null) {
      throw new IllegalArgumentException(field + " is not an array");
    }
    List<T> items = new ArrayList<>(array.size());
    for (Object item : array) {
      T element = read.apply(item);
      if (element != null) {
        items.add(element);
      }
    }
    return items;
  }
}
