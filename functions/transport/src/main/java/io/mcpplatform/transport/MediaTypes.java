package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Reads {@code Accept} and {@code Content-Type} as the Streamable HTTP servlet needs them. */
final class MediaTypes {

  private MediaTypes() {}

  /** Rejoins every {@code Accept} value (HTTP API v2 splits the header on commas). */
  static boolean acceptsJson(HttpServletRequest request) {
    return accepts(request, "application/json", "application/*", true);
  }

  /**
   * True when {@code Accept} names {@code text/event-stream} (or {@code text/*}); a wildcard alone
   * is not asking.
   */
  static boolean acceptsEventStream(HttpServletRequest request) {
    return accepts(request, EventStream.CONTENT_TYPE, "text/*", false);
  }

  private static boolean accepts(
      HttpServletRequest request, String exact, String family, boolean anyAccepts) {
    List<String> values =
        request.getHeaders("Accept") == null
            ? List.of()
            : new ArrayList<>(Collections.list(request.getHeaders("Accept")));
    String joined = String.join(",", values);
    if (joined.isBlank()) {
      return anyAccepts;
    }
    for (String range : joined.split(",")) {
      String type = mediaType(range);
      if (type.equals(exact) || type.equals(family) || (anyAccepts && type.equals("*/*"))) {
        return true;
      }
    }
    return false;
  }

  static boolean isJson(String contentType) {
    return contentType != null && mediaType(contentType).equals("application/json");
  }

  private static String mediaType(String value) {
    int semicolon = value.indexOf(';');
    String type = semicolon >= 0 ? value.substring(0, semicolon) : value;
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
