package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.ServerEntry;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;

/**
 * The Tools section of a server's page: the tools a probe discovered, then the declared ones. Each
 * is a {@code details} element (keyboard-operable, no script): its summary names the tool, its body
 * shows the tool's input schema on demand, pretty-printed as HTML text.
 *
 * <p>A budget keeps the page small whatever a server offers: the section's HTML stays within
 * {@value #BUDGET} bytes (UTF-8), split so that neither list can crowd out the other. A schema is
 * shown inline when its escaped text is at most {@value #INLINE_SCHEMA} bytes and still fits;
 * otherwise its body links to the schema as JSON ({@code servers/{name}/tools/{tool}/schema}).
 * Tools past the budget are counted, not listed.
 */
final class ToolsSection {

  /** Most bytes (UTF-8) of HTML for the whole section. */
  static final int BUDGET = 32 * 1024;

  /** Most bytes (UTF-8) of escaped, pretty-printed JSON for one schema shown inline. */
  static final int INLINE_SCHEMA = 8 * 1024;

  /** Room kept for the markup around one tool. */
  private static final int ITEM_MARKUP = 300;

  private final ObjectMapper json;

  ToolsSection(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param b where the section goes
   * @param entry the server
   * @param root relative path from the page to the catalog root
   */
  void render(StringBuilder b, ServerEntry entry, String root) {
    b.append("<section aria-labelledby=\"tools-h\"><h2 id=\"tools-h\">Tools</h2>");
    int declaredNeed = Math.min(BUDGET / 2, leanSize(entry.capabilities()));
    int start = b.length();
    list(
        b,
        new Listing(
            "Discovered by the health checker",
            "discovered",
            entry.discoveredCapabilities(),
            "No probe has listed this server's tools yet.",
            BUDGET - declaredNeed),
        entry.name(),
        root);
    list(
        b,
        new Listing(
            "Declared at registration",
            "declared",
            entry.capabilities(),
            "None declared.",
            BUDGET - utf8Length(b.subSequence(start, b.length()))),
        entry.name(),
        root);
    b.append("</section>");
  }

  /** One list of the section and its share of the budget. */
  private record Listing(
      String heading, String kind, List<Capability> caps, String none, int budget) {}

  private void list(StringBuilder b, Listing l, String serverName, String root) {
    b.append("<h3>").append(l.heading()).append("</h3>");
    if (l.caps().isEmpty()) {
      b.append("<p class=\"muted\">").append(l.none()).append("</p>");
      return;
    }
    int used = 0;
    int shown = 0;
    StringBuilder items = new StringBuilder();
    for (Capability c : l.caps()) {
      String schemaHref =
          PageShell.serverHref(root, serverName)
              + "/tools/"
              + PageShell.pathSegment(c.name())
              + "/schema"
              + (l.kind().equals("declared") ? "?from=declared" : "");
      String item = item(c, schemaHref, l.budget() - used);
      if (item == null) {
        break;
      }
      items.append(item);
      used += utf8Length(item);
      shown++;
    }
    b.append("<ul class=\"tools tools-")
        .append(l.kind())
        .append("\">")
        .append(items)
        .append("</ul>");
    int hidden = l.caps().size() - shown;
    if (hidden > 0) {
      b.append("<p class=\"muted more-tools\">")
          .append(hidden)
          .append(
              " more not listed on this page: the registry's <code>get_server</code> tool returns"
                  + " them all, with their input schemas.</p>");
    }
  }

  /**
   * @return the tool's list item within {@code room} bytes (its schema inline, else linked), or
   *     null when even the linked form does not fit
   */
  private String item(Capability c, String schemaHref, int room) {
    StringBuilder head = new StringBuilder(256);
    head.append("<li><details><summary><code><bdi>")
        .append(Html.text(c.name()))
        .append("</bdi></code> <span class=\"kind\">")
        .append(Html.text(c.type()))
        .append("</span>");
    if (c.description() != null && !c.description().isBlank()) {
      head.append(" <span class=\"tool-desc\"><bdi>")
          .append(Html.text(c.description()))
          .append("</bdi></span>");
    }
    head.append("</summary>");
    String tail = "</details></li>";
    if (c.inputSchema() == null) {
      String body =
          Capability.TOOL.equals(c.type())
              ? "<p class=\"muted\">No input schema recorded.</p>"
              : "<p class=\"muted\">A " + Html.text(c.type()) + " takes no input schema.</p>";
      return fits(head, body, tail, room);
    }
    String inline = inline(c);
    if (inline != null) {
      String item = fits(head, inline, tail, room);
      if (item != null) {
        return item;
      }
    }
    int bytes = InputSchemas.compactBytes(c.inputSchema());
    String link =
        "<p class=\"schema-link\"><a href=\""
            + Html.attr(schemaHref)
            + "\" type=\"application/json\">Input schema of <code><bdi>"
            + Html.text(c.name())
            + "</bdi></code></a> (JSON, "
            + String.format(Locale.ROOT, "%.1f", bytes / 1024.0)
            + " KB)</p>";
    return fits(head, link, tail, room);
  }

  /**
   * @return the schema pretty-printed in a labelled, focusable (scrollable) block, or null when it
   *     is too long to show inline
   */
  private String inline(Capability c) {
    if (InputSchemas.compactBytes(c.inputSchema()) > INLINE_SCHEMA) {
      return null;
    }
    String text =
        Html.text(json.writerWithDefaultPrettyPrinter().writeValueAsString(c.inputSchema()));
    if (utf8Length(text) > INLINE_SCHEMA) {
      return null;
    }
    return "<p class=\"schema-label\">Input schema</p><pre class=\"schema\" role=\"region\""
        + " tabindex=\"0\" aria-label=\"Input schema of "
        + Html.attr(c.name())
        + "\"><code>"
        + text
        + "</code></pre>";
  }

  private static String fits(CharSequence head, String body, String tail, int room) {
    String item = head + body + tail;
    return utf8Length(item) <= room ? item : null;
  }

  /**
   * @return the length of the text in UTF-8, the unit of the page's budget
   */
  static int utf8Length(CharSequence text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // a surrogate pair is 4 bytes: 2 for each of its halves
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /** What a list takes at least: its names and descriptions with their markup, no schema. */
  private static int leanSize(List<Capability> caps) {
    int size = 200;
    for (Capability c : caps) {
      size +=
          ITEM_MARKUP + utf8Length(Html.text(c.name())) + utf8Length(Html.text(c.description()));
    }
    return size;
  }
}
