package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.search.SearchHit;
import java.time.Instant;
import java.util.List;

/**
 * The catalog's list page: a search form that works without script (the script only submits it as
 * the user types), the filters, the total, one card per server and a link to the next page.
 */
final class CatalogPage {

  /** Most description characters and tags a card shows; the server's page shows them all. */
  static final int MAX_DESCRIPTION = 300;

  static final int MAX_TAGS = 8;

  private final PageShell shell;

  CatalogPage(PageShell shell) {
    this.shell = shell;
  }

  /**
   * One page of results.
   *
   * @param hits this page's servers, best first
   * @param total how many servers matched
   * @param nextOffset offset of the next page, nullable on the last
   */
  record Results(List<SearchHit> hits, int total, Integer nextOffset) {}

  /**
   * @param query what was asked
   * @param results what matched, or null when the query was refused
   * @param error why the query was refused (already worded for a person), nullable
   * @param now the current time
   * @return the page
   */
  String render(CatalogQuery query, Results results, String error, Instant now) {
    StringBuilder b = new StringBuilder(24 * 1024);
    b.append("<h1>MCP servers</h1>");
    form(b, query);
    b.append("<section id=\"results\" aria-labelledby=\"total\">");
    if (error != null) {
      b.append("<p id=\"total\" class=\"error\" role=\"alert\">")
          .append(Html.text(error))
          .append("</p>");
    } else {
      b.append("<p id=\"total\" class=\"total\">")
          .append(results.total())
          .append(results.total() == 1 ? " server" : " servers");
      if (!query.text().isEmpty()) {
        b.append(" matching <q>").append(Html.text(query.text())).append("</q>");
      }
      if (query.offset() > 0) {
        b.append(", from ").append(query.offset() + 1);
      }
      b.append("</p>");
      if (!results.hits().isEmpty()) {
        b.append("<ol class=\"cards\" start=\"").append(query.offset() + 1).append("\">");
        for (SearchHit hit : results.hits()) {
          card(b, hit.entry(), now);
        }
        b.append("</ol>");
      }
      pager(b, query, results);
    }
    b.append("</section>");
    return shell.page("MCP servers", "", b);
  }

  private static void form(StringBuilder b, CatalogQuery q) {
    b.append("<form id=\"search\" class=\"search\" method=\"get\" action=\"./\" role=\"search\">")
        .append("<div class=\"field grow\"><label for=\"q\">Search servers</label>")
        .append("<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"")
        .append(CatalogQuery.MAX_TEXT)
        .append("\" autocomplete=\"off\" placeholder=\"what should the server do?\" value=\"")
        .append(Html.attr(q.text()))
        .append("\"></div>")
        .append("<div class=\"field\"><label for=\"tag\">Tags</label>")
        .append(
            "<input id=\"tag\" name=\"tag\" type=\"text\" placeholder=\"comma separated\" value=\"")
        .append(Html.attr(String.join(",", q.tags())))
        .append("\"></div>");
    select(
        b,
        "health",
        "Health",
        q.health(),
        CatalogQuery.HEALTH_VALUES,
        List.of("all but unhealthy", "any", "healthy", "unhealthy", "unknown", "refused"));
    select(
        b,
        "transport",
        "Transport",
        q.transport(),
        CatalogQuery.TRANSPORT_VALUES,
        List.of("any", "streamable HTTP", "SSE"));
    select(
        b,
        "type",
        "Offers",
        q.type(),
        CatalogQuery.TYPE_VALUES,
        List.of("anything", "tools", "resources"));
    b.append("<div class=\"field\"><button type=\"submit\">Search</button></div></form>")
        .append("<p id=\"status\" class=\"visually-hidden\" aria-live=\"polite\"></p>");
  }

  private static void select(
      StringBuilder b,
      String name,
      String label,
      String value,
      List<String> values,
      List<String> labels) {
    b.append("<div class=\"field\"><label for=\"")
        .append(name)
        .append("\">")
        .append(label)
        .append("</label>")
        .append("<select id=\"")
        .append(name)
        .append("\" name=\"")
        .append(name)
        .append("\">");
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      b.append("<option value=\"")
          .append(v)
          .append('"')
          .append(v.equals(value) ? " selected" : "")
          .append('>')
          .append(labels.get(i))
          .append("</option>");
    }
    b.append("</select></div>");
  }

  private static void card(StringBuilder b, ServerEntry e, Instant now) {
    b.append("<li class=\"card\"><h2><a href=\"")
        .append(Html.attr(PageShell.serverHref("", e.name())))
        .append("\"><bdi>")
        .append(Html.text(e.title()))
        .append("</bdi></a></h2>")
        .append("<p class=\"name\"><code><bdi>")
        .append(Html.text(e.name()))
        .append("</bdi></code></p>");
    if (e.description() != null && !e.description().isBlank()) {
      b.append("<p class=\"desc\"><bdi>")
          .append(Html.text(PageShell.clip(e.description(), MAX_DESCRIPTION)))
          .append("</bdi></p>");
    }
    int tools = PageShell.toolCount(e);
    b.append("<p class=\"meta\">")
        .append(PageShell.badge(e.health()))
        .append(" <span>checked ")
        .append(PageShell.time(e.health().checkedAt(), now))
        .append("</span>")
        .append(" <span>")
        .append(tools)
        .append(tools == 1 ? " tool" : " tools")
        .append("</span>");
    if (!e.remotes().isEmpty()) {
      b.append(" <span>").append(Html.text(e.remotes().get(0).type())).append("</span>");
    }
    b.append("</p>");
    if (!e.tags().isEmpty()) {
      b.append("<ul class=\"tags\" aria-label=\"tags\">");
      for (String tag : e.tags().subList(0, Math.min(MAX_TAGS, e.tags().size()))) {
        b.append("<li><a href=\"./?tag=")
            .append(Html.attr(Html.uriComponent(tag)))
            .append("\"><bdi>")
            .append(Html.text(tag))
            .append("</bdi></a></li>");
      }
      b.append("</ul>");
    }
    b.append("</li>");
  }

  private static void pager(StringBuilder b, CatalogQuery query, Results results) {
    if (query.offset() == 0 && results.nextOffset() == null) {
      return;
    }
    b.append("<nav class=\"pager\" aria-label=\"pages\">");
    if (query.offset() > 0) {
      b.append("<a href=\"./?")
          .append(Html.attr(query.at(0).queryString()))
          .append("\">First page</a>");
    }
    if (results.nextOffset() != null) {
      b.append("<a rel=\"next\" href=\"./?")
          .append(Html.attr(query.at(results.nextOffset()).queryString()))
          .append("\">Next page</a>");
    }
    b.append("</nav>");
  }
}
