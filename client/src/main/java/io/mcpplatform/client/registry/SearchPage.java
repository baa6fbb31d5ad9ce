package io.mcpplatform.client.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of search results, best first.
 *
 * @param servers the matches, each with its score
 * @param total how many entries matched in all
 * @param nextCursor cursor of the next page, nullable
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchPage(
    @JsonProperty("servers") List<CatalogServer> servers,
    @JsonProperty("total") Integer total,
    @JsonProperty("nextCursor") String nextCursor) {
  public SearchPage {
    servers = servers == null ? List.of() : List.copyOf(servers);
  }
}
