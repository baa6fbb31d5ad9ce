package io.mcpplatform.core.search;

import java.util.List;

/**
 * A catalog search.
 *
 * @param text free text, may be empty: every entry that passes the filters matches
 * @param tags keep entries carrying any of these tags (the seed's rule); empty for no tag filter
 * @param capabilityType keep entries with a capability of this type ({@code tool} or {@code
 *     resource}), nullable
 * @param healthStatus keep only entries with this health status ({@code healthy}, {@code
 *     unhealthy}, {@code unknown}), nullable for no status filter
 * @param includeUnhealthy when false, unhealthy entries are left out (the seed's rule)
 * @param offset number of ranked hits to skip
 * @param limit page size
 */
public record SearchQuery(
    String text,
    List<String> tags,
    String capabilityType,
    String healthStatus,
    boolean includeUnhealthy,
    int offset,
    int limit) {

  public SearchQuery {
    text = text == null ? "" : text;
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
  }

  /**
   * @return a text-only query for the first page of {@code limit} hits, unhealthy left out
   */
  public static SearchQuery text(String text, int limit) {
    return new SearchQuery(text, List.of(), null, null, false, 0, limit);
  }
}
