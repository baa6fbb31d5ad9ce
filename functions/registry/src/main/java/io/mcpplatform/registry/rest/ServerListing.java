package io.mcpplatform.registry.rest;

import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchHit;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.core.search.SearchResult;
import io.mcpplatform.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code GET /v0.1/servers}: every version of every server, servers most recently updated first
 * ({@code version=latest}: the latest versions only), or, with {@code search}, the latest versions
 * ranked by the search index. Cursors are opaque: a store cursor and how many versions of its page
 * were shown, or a search offset.
 */
final class ServerListing {

  /**
   * One listed version.
   *
   * @param version the version
   * @param latest the catalog entry of its server
   */
  record Item(ServerVersion version, ServerEntry latest) {}

  /**
   * @param items the page
   * @param nextCursor cursor of the next page, nullable
   */
  record Result(List<Item> items, String nextCursor) {}

  /**
   * @param search text, nullable
   * @param updatedSince lower bound on updatedAt, nullable
   * @param latestOnly version=latest
   * @param includeDeleted include_deleted
   * @param cursor cursor, nullable
   * @param limit 1..100
   */
  record Query(
      String search,
      Instant updatedSince,
      boolean latestOnly,
      boolean includeDeleted,
      String cursor,
      int limit) {}

  private static final String SEARCH = "s";
  private static final String LIST = "l";
  private static final int MAX_PAGES = 50;

  private final RegistryService service;

  ServerListing(RegistryService service) {
    this.service = service;
  }

  Result list(Query q) {
    return q.search() != null && !q.search().isBlank() ? search(q) : walk(q);
  }

  private Result search(Query q) {
    int offset = 0;
    if (q.cursor() != null) {
      String[] parts = decode(q.cursor());
      if (parts.length != 2 || !parts[0].equals(SEARCH)) {
        throw badCursor();
      }
      offset = parseInt(parts[1]);
    }
    SearchResult result =
        service.search(new SearchQuery(q.search(), List.of(), null, null, true, offset, q.limit()));
    List<Item> items = new ArrayList<>();
    for (SearchHit hit : result.hits()) {
      ServerEntry e = hit.entry();
      if (q.updatedSince() != null
          && e.updatedAt() != null
          && e.updatedAt().isBefore(q.updatedSince())) {
        continue;
      }
      items.add(new Item(new ServerVersion(e, null, null), e));
    }
    return new Result(
        items, result.nextOffset() == null ? null : encode(SEARCH, result.nextOffset().toString()));
  }

  private Result walk(Query q) {
    String storeCursor = null;
    int skip = 0;
    if (q.cursor() != null) {
      String[] parts = decode(q.cursor());
      if (parts.length < 2 || parts.length > 3 || !parts[0].equals(LIST)) {
        throw badCursor();
      }
      skip = parseInt(parts[1]);
      storeCursor = parts.length == 3 ? parts[2] : null;
    }
    List<Item> items = new ArrayList<>();
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      Page<ServerEntry> page;
      try {
        page = service.list(storeCursor, q.limit());
      } catch (IllegalArgumentException e) {
        throw badCursor();
      }
      List<Item> expanded = new ArrayList<>();
      for (ServerEntry entry : page.items()) {
        expand(entry, q, expanded);
      }
      int room = q.limit() - items.size();
      int available = Math.max(0, expanded.size() - skip);
      if (available > room) {
        items.addAll(expanded.subList(skip, skip + room));
        return new Result(items, encode(LIST, Integer.toString(skip + room), storeCursor));
      }
      items.addAll(expanded.subList(Math.min(skip, expanded.size()), expanded.size()));
      skip = 0;
      storeCursor = page.nextCursor();
      if (storeCursor == null) {
        return new Result(items, null);
      }
      if (items.size() == q.limit()) {
        return new Result(items, encode(LIST, "0", storeCursor));
      }
    }
    return new Result(items, encode(LIST, "0", storeCursor));
  }

  private void expand(ServerEntry entry, Query q, List<Item> out) {
    if (q.latestOnly()) {
      if (keep(entry.status(), entry.updatedAt(), q)) {
        ServerVersion v =
            service
                .versions()
                .find(entry.name(), entry.version())
                .orElse(new ServerVersion(entry, null, null));
        out.add(new Item(v, entry));
      }
      return;
    }
    for (ServerVersion v : service.versions().versions(entry.name())) {
      if (keep(v.status(), v.entry().updatedAt(), q)) {
        out.add(new Item(v, entry));
      }
    }
  }

  private static boolean keep(LifecycleStatus status, Instant updatedAt, Query q) {
    if (status == LifecycleStatus.DELETED && !q.includeDeleted()) {
      return false;
    }
    return q.updatedSince() == null || updatedAt == null || !updatedAt.isBefore(q.updatedSince());
  }

  private static String encode(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p == null) {
        continue;
      }
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(p);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
          .split("\n", -1);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
  }

  private static int parseInt(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw badCursor();
      }
      return n;
    } catch (NumberFormatException e) {
      throw badCursor();
    }
  }

  private static RestException badCursor() {
    return new RestException(
        400,
        "cursor is not one this registry issued; pass metadata.nextCursor from a"
            + " previous page");
  }
}
