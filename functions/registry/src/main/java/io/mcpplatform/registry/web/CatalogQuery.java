package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.search.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the catalog page was asked for, read from its query string: {@code q} (free text), {@code
 * tag} (repeatable, or comma-separated), {@code health}, {@code transport}, {@code type}
 * (capability type) and {@code cursor}. Each bad value is a field error naming the parameter.
 *
 * @param text free text, "" for none
 * @param tags tag filter, any of them
 * @param health {@code healthy}, {@code unhealthy}, {@code unknown}, {@code refused}, {@code any},
 *     or "" (everything but unhealthy servers, as {@code search_servers} does by default)
 * @param transport {@code streamable-http}, {@code sse} or ""
 * @param type {@code tool}, {@code resource} or ""
 * @param offset ranked hits to skip (decoded from the cursor)
 */
record CatalogQuery(
    String text, List<String> tags, String health, String transport, String type, int offset) {

  static final int PAGE_SIZE = 20;
  static final int MAX_TEXT = 200;
  static final int MAX_TAGS = 5;
  static final List<String> HEALTH_VALUES =
      List.of("", "any", "healthy", "unhealthy", "unknown", "refused");
  static final List<String> TRANSPORT_VALUES = List.of("", Remote.STREAMABLE_HTTP, Remote.SSE);
  static final List<String> TYPE_VALUES = List.of("", "tool", "resource");
  private static final String CURSOR_PREFIX = "web:";

  CatalogQuery {
    tags = List.copyOf(tags);
  }

  /** The first page with no text and no filter. */
  static final CatalogQuery FIRST_PAGE = new CatalogQuery("", List.of(), "", "", "", 0);

  /**
   * @param params the request's parameters
   * @return the query
   * @throws io.mcpplatform.core.catalog.ValidationException naming each bad parameter
   */
  static CatalogQuery parse(Map<String, String[]> params) {
    FieldChecks checks = new FieldChecks();
    String text = one(params, "q").strip();
    checks.text("q", text, false, 0, MAX_TEXT);
    Set<String> tags = new LinkedHashSet<>();
    String[] rawTags = params.get("tag");
    if (rawTags != null) {
      for (String raw : rawTags) {
        for (String tag : raw.split(",")) {
          if (!tag.isBlank()) {
            tags.add(tag.strip());
          }
        }
      }
    }
    if (tags.size() > MAX_TAGS) {
      checks.fail("tag", "at most " + MAX_TAGS + " tags");
    }
    for (String tag : tags) {
      checks.text("tag", tag, true, 1, 64);
    }
    String health = oneOf(checks, params, "health", HEALTH_VALUES);
    String transport = oneOf(checks, params, "transport", TRANSPORT_VALUES);
    String type = oneOf(checks, params, "type", TYPE_VALUES);
    int offset = decodeCursor(checks, one(params, "cursor"));
    checks.throwIfAny();
    return new CatalogQuery(text, new ArrayList<>(tags), health, transport, type, offset);
  }

  /**
   * @param limit how many hits to ask for
   * @param from the offset to start at
   * @return the search the registry runs for this page (the same use case as {@code
   *     search_servers})
   */
  SearchQuery toSearch(int from, int limit) {
    boolean named = !health.isEmpty() && !health.equals("any");
    return new SearchQuery(
        text,
        tags,
        type.isEmpty() ? null : type,
        named ? health : null,
        health.equals("any"),
        from,
        limit);
  }

  /**
   * @return this query at another offset
   */
  CatalogQuery at(int newOffset) {
    return new CatalogQuery(text, tags, health, transport, type, newOffset);
  }

  /**
   * @return whether any filter (besides the text) is set
   */
  boolean filtered() {
    return !tags.isEmpty() || !health.isEmpty() || !transport.isEmpty() || !type.isEmpty();
  }

  /**
   * @return the query string of this query (without {@code ?}), every value percent-encoded; empty
   *     parameters are left out
   */
  String queryString() {
    StringBuilder b = new StringBuilder();
    param(b, "q", text);
    if (!tags.isEmpty()) {
      param(b, "tag", String.join(",", tags));
    }
    param(b, "health", health);
    param(b, "transport", transport);
    param(b, "type", type);
    if (offset > 0) {
      param(b, "cursor", encodeCursor(offset));
    }
    return b.toString();
  }

  static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeCursor(FieldChecks checks, String cursor) {
    if (cursor.isEmpty()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith(CURSOR_PREFIX)) {
        int offset = Integer.parseInt(raw.substring(CURSOR_PREFIX.length()));
        if (offset >= 0 && offset <= 1_000_000) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported as a field error below
    }
    checks.fail("cursor", "is not a cursor this catalog issued; follow the page links");
    return 0;
  }

  private static void param(StringBuilder b, String name, String value) {
    if (value.isEmpty()) {
      return;
    }
    if (b.length() > 0) {
      b.append('&');
    }
    b.append(name).append('=').append(Html.uriComponent(value));
  }

  private static String one(Map<String, String[]> params, String name) {
    String[] values = params.get(name);
    return values == null || values.length == 0 || values[0] == null ? "" : values[0];
  }

  private static String oneOf(
      FieldChecks checks, Map<String, String[]> params, String name, List<String> allowed) {
    String value = one(params, name).strip();
    if (!allowed.contains(value)) {
      checks.fail(name, "must be one of " + String.join(", ", allowed.subList(1, allowed.size())));
      return "";
    }
    return value;
  }
}
