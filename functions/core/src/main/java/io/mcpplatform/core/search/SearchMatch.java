package io.mcpplatform.core.search;

import java.util.List;

/**
 * Why an entry matched a query, so a person or a model can judge the match.
 *
 * @param lexical the entry's fields that contain a word of the query ({@code name}, {@code title},
 *     {@code description}, {@code tags}, {@code tools})
 * @param semantic the entry's text closest in meaning to the query ({@code entry}, or {@code
 *     tool:NAME}), empty when the meaning was not compared
 */
public record SearchMatch(List<String> lexical, List<String> semantic) {

  /** No match information: a listing without query text. */
  public static final SearchMatch NONE = new SearchMatch(List.of(), List.of());

  public SearchMatch {
    lexical = lexical == null ? List.of() : List.copyOf(lexical);
    semantic = semantic == null ? List.of() : List.copyOf(semantic);
  }
}
