package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.ServerEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts every catalog page shares: the document around the content (one stylesheet, one
 * deferred script, both served by the registry), health badges, times and links to a server's page.
 */
final class PageShell {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_INSTANT;

  private final WebAssets assets;

  PageShell(WebAssets assets) {
    this.assets = assets;
  }

  /**
   * @param title the page title, already encoded
   * @param root the relative path from the page to the catalog's root ("" or "../../")
   * @param main the page's main content
   * @return the whole document
   */
  String page(String title, String root, CharSequence main) {
    StringBuilder b = new StringBuilder(main.length() + 1024);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\">")
        .append("<title>")
        .append(title)
        .append("</title>")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(root)
        .append(assets.stylesheetPath())
        .append("\">")
        .append("<script defer src=\"")
        .append(root)
        .append(assets.scriptPath())
        .append("\"></script>")
        .append("</head><body>")
        .append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
        .append("<header class=\"top\"><a class=\"brand\" href=\"")
        .append(root.isEmpty() ? "./" : root)
        .append("\">MCP server catalog</a></header>")
        .append("<main id=\"main\" tabindex=\"-1\">")
        .append(main)
        .append("</main>")
        .append("<footer class=\"foot\"><p>Read-only view of this registry. Publish through the ")
        .append("<code>/v0.1</code> API or the <code>register_server</code> MCP tool.</p></footer>")
        .append("</body></html>\n");
    return b.toString();
  }

  /**
   * @param health a server's health
   * @return a badge naming the status in words (colour is never the only signal)
   */
  static String badge(Health health) {
    String status = health.status().wire();
    return "<span class=\"badge badge-" + status + "\">" + status + "</span>";
  }

  /**
   * @param at a time, nullable
   * @param now the current time
   * @return a {@code <time>} element reading "5 min ago" with the exact time as its title, or
   *     "never"
   */
  static String time(Instant at, Instant now) {
    if (at == null) {
      return "<span class=\"muted\">never</span>";
    }
    return "<time datetime=\""
        + MACHINE.format(at)
        + "\" title=\""
        + SHOWN.format(at)
        + "\">"
        + ago(Duration.between(at, now))
        + "</time>";
  }

  /**
   * @return an exact time for tables
   */
  static String exact(Instant at) {
    return at == null
        ? ""
        : "<time datetime=\"" + MACHINE.format(at) + "\">" + SHOWN.format(at) + "</time>";
  }

  static String ago(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return "just now";
    }
    if (s < 3600) {
      return (s / 60) + " min ago";
    }
    if (s < 86_400) {
      return (s / 3600) + " h ago";
    }
    return (s / 86_400) + " d ago";
  }

  /**
   * @param text text, nullable
   * @param max most code points to keep
   * @return the text, cut at a code point boundary with an ellipsis when longer (the server's page
   *     shows it whole), so that a list page stays small however long the descriptions are
   */
  static String clip(String text, int max) {
    if (text == null || text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max)).stripTrailing() + "\u2026";
  }

  /**
   * @param root relative path to the catalog root
   * @param name a server name
   * @return the relative URL of the server's page, each segment of the name percent-encoded
   */
  static String serverHref(String root, String name) {
    StringBuilder b = new StringBuilder(root).append("servers");
    for (String segment : name.split("/", -1)) {
      b.append('/').append(pathSegment(segment));
    }
    return b.toString();
  }

  /**
   * @param segment untrusted text
   * @return the text percent-encoded as one path segment (a slash too); a segment of dots, which a
   *     browser would resolve away, has its dots encoded
   */
  static String pathSegment(String segment) {
    return segment.equals(".") || segment.equals("..")
        ? segment.replace(".", "%2E")
        : Html.uriComponent(segment);
  }

  /**
   * Tools a server offers: the ones a probe discovered when there are any (they are verified), else
   * the declared ones.
   *
   * @param entry the server
   * @return the number of distinct tool names
   */
  static int toolCount(ServerEntry entry) {
    List<Capability> source =
        entry.discoveredCapabilities().isEmpty()
            ? entry.capabilities()
            : entry.discoveredCapabilities();
    Set<String> names = new HashSet<>();
    for (Capability c : source) {
      if (Capability.TOOL.equals(c.type())) {
        names.add(c.name());
      }
    }
    return names.size();
  }
}
