package io.mcpplatform.core.store;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the items of this page
 * @param nextCursor opaque cursor for the next page, null on the last page
 * @param <T> item type
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }
}
