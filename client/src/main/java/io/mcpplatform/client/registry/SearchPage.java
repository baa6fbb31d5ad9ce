package io.mcpplatform.client.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.mcpclient.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of search results, best first.
 *
 * @param servers the matches, each with its score
 * @param total how many entries matched in all
 * @param nextCursor cursor of the next page, nullable
 */
public record SearchPage(
    @JsonProperty("servers") List<CatalogServer> servers,
    @JsonProperty("total") Integer total,
    @JsonProperty("nextCursor") String nextCursor) {
  public SearchPage {
    servers = servers == null ? List.of() : List.copyOf(servers);
  }

  /**
   * @param json {@code search_servers}' structured result
   * @return the page
   * @throws IllegalArgumentException naming the field when the result does not have the registry's
   *     shape
   */
  public static SearchPage from(Object result) {
    Map<String, Object> json = Json.object(result);
    if (json == null) {
      throw new IllegalArgumentException("the search result is not a JSON object");
    }
    List<Object> list = Json.array(json.get("servers"));
    if (list == null) {
      throw new IllegalArgumentException("servers is missing or not an array");
    }
    List<CatalogServer> servers = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      try {
        servers.add(CatalogServer.from(list.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("servers[" + i + "]: " + e.getMessage(), e);
      }
    }
    return new SearchPage(
        servers,
        json.get("total") instanceof Number n ? n.intValue() : null,
        Json.string(json, "nextCursor"));
  }
}
