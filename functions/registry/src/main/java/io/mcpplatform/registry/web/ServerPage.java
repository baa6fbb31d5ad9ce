package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server's page: what it is, how to connect (remotes and copy-ready snippets), the tools it
 * declares and the tools a probe found with their input schemas ({@link ToolsSection}), its health
 * with uptime charts, and its versions.
 */
final class ServerPage {

  private final PageShell shell;
  private final ObjectMapper json;
  private final ToolsSection tools;

  ServerPage(PageShell shell, ObjectMapper json) {
    this.shell = shell;
    this.json = json;
    this.tools = new ToolsSection(json);
  }

  /**
   * @param entry the server
   * @param versions its versions, newest first
   * @param history its health checks of the last seven days, oldest first
   * @param root relative path from this page to the catalog root
   * @param now the current time
   * @return the page
   */
  String render(
      ServerEntry entry,
      List<ServerVersion> versions,
      List<HealthSample> history,
      String root,
      Instant now) {
    StringBuilder b = new StringBuilder(16 * 1024);
    b.append("<nav class=\"crumbs\" aria-label=\"breadcrumb\"><a href=\"")
        .append(root.isEmpty() ? "./" : root)
        .append("\">All servers</a></nav>")
        .append("<h1><bdi>")
        .append(Html.text(entry.title()))
        .append("</bdi></h1>")
        .append("<p class=\"name\"><code><bdi>")
        .append(Html.text(entry.name()))
        .append("</bdi></code> ")
        .append(PageShell.badge(entry.health()))
        .append(" <span class=\"muted\">version <bdi>")
        .append(Html.text(entry.version()))
        .append("</bdi></span></p>");
    if (entry.status() == LifecycleStatus.DEPRECATED) {
      b.append(
          "<p class=\"notice\" role=\"note\">This server is deprecated: its publisher advises against new "
              + "connections.</p>");
    }
    if (entry.description() != null && !entry.description().isBlank()) {
      b.append("<p class=\"desc\"><bdi>")
          .append(Html.text(entry.description()))
          .append("</bdi></p>");
    }
    links(b, entry);
    if (!entry.tags().isEmpty()) {
      b.append("<ul class=\"tags\" aria-label=\"tags\">");
      for (String tag : entry.tags()) {
        b.append("<li><a href=\"")
            .append(root.isEmpty() ? "./" : root)
            .append("?tag=")
            .append(Html.attr(Html.uriComponent(tag)))
            .append("\"><bdi>")
            .append(Html.text(tag))
            .append("</bdi></a></li>");
      }
      b.append("</ul>");
    }
    connect(b, entry);
    tools.render(b, entry, root);
    health(b, entry.health(), history, now);
    versions(b, versions);
    return shell.page(Html.text(entry.title()) + " · MCP servers", root, b);
  }

  private static void links(StringBuilder b, ServerEntry e) {
    boolean site = e.websiteUrl() != null && !e.websiteUrl().isBlank();
    boolean repo = e.repository() != null && e.repository().url() != null;
    if (!site && !repo) {
      return;
    }
    b.append("<ul class=\"links\">");
    if (site) {
      b.append("<li>Website: ")
          .append(Html.outboundLink(e.websiteUrl(), Html.text(e.websiteUrl())))
          .append("</li>");
    }
    if (repo) {
      b.append("<li>Source: ")
          .append(Html.outboundLink(e.repository().url(), Html.text(e.repository().url())))
          .append("</li>");
    }
    b.append("</ul>");
  }

  private void connect(StringBuilder b, ServerEntry e) {
    b.append("<section aria-labelledby=\"connect-h\"><h2 id=\"connect-h\">Connect</h2>");
    if (e.remotes().isEmpty()) {
      b.append("<p>This server lists no remote endpoint.</p></section>");
      return;
    }
    b.append("<table class=\"remotes\"><caption class=\"visually-hidden\">Remotes</caption>")
        .append(
            "<thead><tr><th scope=\"col\">Transport</th><th scope=\"col\">URL</th></tr></thead><tbody>");
    for (Remote r : e.remotes()) {
      b.append("<tr><td>")
          .append(Html.text(r.type()))
          .append("</td><td><code class=\"url\">")
          .append(Html.text(r.url()))
          .append("</code></td></tr>");
    }
    b.append("</tbody></table>");
    Remote remote =
        e.remotes().stream()
            .filter(r -> Remote.STREAMABLE_HTTP.equals(r.type()))
            .findFirst()
            .orElse(e.remotes().get(0));
    String shortName = shortName(e.name());
    String transport = Remote.SSE.equals(remote.type()) ? "sse" : "http";
    snippet(
        b,
        "snip-claude",
        "Claude Code",
        "claude mcp add --transport "
            + transport
            + " "
            + Html.shellWord(shortName)
            + " "
            + Html.shellWord(remote.url()));
    ObjectNode config = json.createObjectNode();
    ObjectNode server = config.putObject("mcpServers").putObject(shortName);
    server.put("type", transport);
    server.put("url", remote.url());
    snippet(
        b,
        "snip-json",
        "Claude Desktop, Cursor (mcpServers)",
        json.writerWithDefaultPrettyPrinter().writeValueAsString(config));
    snippet(b, "snip-cli", "This platform's client", "./mcp tools " + Html.shellWord(e.name()));
    b.append("</section>");
  }

  private static void snippet(StringBuilder b, String id, String label, String text) {
    b.append("<div class=\"snippet\"><p id=\"")
        .append(id)
        .append("-l\" class=\"snippet-label\">")
        .append(label)
        .append("</p><pre aria-labelledby=\"")
        .append(id)
        .append("-l\" data-copy tabindex=\"0\"><code>")
        .append(Html.text(text))
        .append("</code></pre></div>");
  }

  /**
   * A client-side name for the server: its last path segment, restricted to letters, digits, - and
   * _.
   */
  static String shortName(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String cleaned = last.replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return cleaned.isEmpty() ? "server" : cleaned;
  }

  private static void health(StringBuilder b, Health h, List<HealthSample> history, Instant now) {
    b.append(
            "<section aria-labelledby=\"health-h\"><h2 id=\"health-h\">Health</h2><dl class=\"facts\">")
        .append("<dt>Status</dt><dd>")
        .append(PageShell.badge(h))
        .append("</dd>")
        .append("<dt>Last check</dt><dd>")
        .append(PageShell.time(h.checkedAt(), now))
        .append("</dd>");
    if (h.latencyMillis() != null) {
      b.append("<dt>Latency</dt><dd>").append(h.latencyMillis()).append(" ms</dd>");
    }
    if (h.protocolVersion() != null) {
      b.append("<dt>Protocol</dt><dd>").append(Html.text(h.protocolVersion())).append("</dd>");
    }
    if (h.consecutiveFailures() > 0) {
      b.append("<dt>Failures in a row</dt><dd>").append(h.consecutiveFailures()).append("</dd>");
    }
    if (h.detail() != null && !h.detail().isBlank()) {
      b.append("<dt>Detail</dt><dd><bdi>").append(Html.text(h.detail())).append("</bdi></dd>");
    }
    b.append("</dl>")
        .append(
            UptimeChart.render(
                "uptime-24h", "Last 24 hours", history, now, Duration.ofHours(24), 24))
        .append(
            UptimeChart.render("uptime-7d", "Last 7 days", history, now, Duration.ofDays(7), 28))
        .append(
            "<p class=\"legend\"><span class=\"key key-up\"></span>all checks up "
                + "<span class=\"key key-partial\"></span>some down <span class=\"key key-down\"></span>all down "
                + "<span class=\"key key-none\"></span>no checks</p></section>");
  }

  private static void versions(StringBuilder b, List<ServerVersion> versions) {
    b.append("<section aria-labelledby=\"versions-h\"><h2 id=\"versions-h\">Versions</h2>");
    b.append(
            "<table class=\"versions\"><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Status</th>")
        .append("<th scope=\"col\">Published</th></tr></thead><tbody>");
    for (ServerVersion v : versions) {
      b.append("<tr><td><bdi>")
          .append(Html.text(v.version()))
          .append("</bdi></td><td>")
          .append(Html.text(v.status().name().toLowerCase(Locale.ROOT)))
          .append("</td><td>")
          .append(PageShell.exact(v.entry().publishedAt()))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }
}
