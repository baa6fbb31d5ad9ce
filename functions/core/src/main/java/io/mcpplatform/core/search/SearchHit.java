package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.Objects;

/**
 * One ranked match.
 *
 * @param entry the matching entry
 * @param score relevance in [0, 1], higher is better; 0 when the query had no text
 * @param match why the entry matched
 */
public record SearchHit(ServerEntry entry, double score, SearchMatch match) {

  public SearchHit {
    Objects.requireNonNull(entry, "entry");
    match = match == null ? SearchMatch.NONE : match;
  }
}
