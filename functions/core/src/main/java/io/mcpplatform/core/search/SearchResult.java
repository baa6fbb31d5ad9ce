package io.mcpplatform.core.search;

import java.util.List;

/**
 * One page of ranked matches.
 *
 * @param hits the hits of this page, best first
 * @param total how many entries matched in all; past 1,000 text matches, a lower bound
 * @param nextOffset offset of the next page, or null on the last page
 */
public record SearchResult(List<SearchHit> hits, int total, Integer nextOffset) {

  public SearchResult {
    hits = List.copyOf(hits);
  }
}
