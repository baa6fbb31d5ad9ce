package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchHit;
import io.mcpplatform.core.search.SearchResult;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.StoreUnavailableException;
import io.mcpplatform.transport.Route;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The web catalog, served by the registry function itself on Lambda and locally: {@code GET /} (the
 * list), {@code GET /servers/{name}} (one server; the name's slash may stay literal or be sent as
 * {@code %2F}), {@code GET /servers/{name}/tools/{tool}/schema} (one tool's input schema as JSON;
 * {@code ?from=declared} for the declared tool's) and {@code GET /assets/*} (stylesheet and
 * script). Read-only: every other method gets 405. Every answer carries a strict
 * Content-Security-Policy (scripts and styles from this origin only, no inline script, no eval, no
 * framing) and never a stack trace.
 */
public final class WebCatalogServlet extends HttpServlet {

  /** The paths the catalog is routed at. */
  public static final List<String> PATH_SPECS = List.of("/", "/servers/*", "/assets/*");

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
          + "frame-ancestors 'none'";

  /** Most ranked hits read to apply the transport filter, which the search index does not know. */
  static final int TRANSPORT_SCAN = 10_000;

  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WebCatalogServlet.class);
  private static final Duration HISTORY = Duration.ofDays(7);

  private final transient RegistryService service;
  private final transient RegistryStore store;
  private final transient Clock clock;
  private final transient WebAssets assets;
  private final transient CatalogPage catalogPage;
  private final transient ServerPage serverPage;
  private final transient PageShell shell;
  private final transient ObjectMapper json;

  /**
   * @param service the registry's use cases (search is the one {@code search_servers} runs)
   * @param store where health history lives
   * @param clock the time pages are rendered at
   * @param json the mapper for the JSON snippets and schemas
   */
  public WebCatalogServlet(
      RegistryService service, RegistryStore store, Clock clock, ObjectMapper json) {
    this.service = service;
    this.store = store;
    this.clock = clock;
    this.assets = new WebAssets();
    this.json = json;
    this.shell = new PageShell(assets);
    this.catalogPage = new CatalogPage(shell);
    this.serverPage = new ServerPage(shell, json);
  }

  /**
   * @return the catalog's routes, all served by this one servlet
   */
  public List<Route> routes() {
    return PATH_SPECS.stream().map(spec -> new Route(spec, this)).toList();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    securityHeaders(response);
    String base = request.getServletPath() == null ? "/" : request.getServletPath();
    String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
    // links are relative, so the pages work below any prefix (API Gateway's stage, a custom
    // domain's path)
    String root =
        base.equals("/")
            ? ""
            : "../".repeat((int) (base + rest).chars().filter(c -> c == '/').count() - 1);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      response.setHeader("Allow", "GET, HEAD");
      page(
          request,
          response,
          405,
          message(root, "Method not allowed", "The catalog is read-only."),
          false);
      return;
    }
    try {
      switch (base) {
        case "/assets" -> asset(request, response, rest, head);
        case "/servers" -> server(request, response, rest, root, head);
        default -> list(request, response, head);
      }
    } catch (StoreUnavailableException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.warn("Web {} unavailable (ref {}): {}", base, ref, e.getMessage());
      response.setHeader("Retry-After", "1");
      page(
          request,
          response,
          503,
          message(
              root,
              "Unavailable",
              "The registry is unavailable right now; retry " + "shortly (ref " + ref + ")."),
          head);
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("Web {} failed (ref {})", base, ref, e);
      page(
          request,
          response,
          500,
          message(root, "Internal error", "Something went wrong (ref " + ref + ")."),
          head);
    }
  }

  private void list(HttpServletRequest request, HttpServletResponse response, boolean head)
      throws IOException {
    Instant now = clock.instant();
    CatalogQuery query;
    try {
      query = CatalogQuery.parse(request.getParameterMap());
    } catch (ValidationException e) {
      page(
          request,
          response,
          400,
          catalogPage.render(
              CatalogQuery.FIRST_PAGE, null, "Invalid search: " + e.getMessage(), now),
          head);
      return;
    }
    page(request, response, 200, catalogPage.render(query, results(query), null, now), head);
  }

  /**
   * Runs the registry's ranked search; the transport filter applies after ranking, as every filter
   * does.
   */
  CatalogPage.Results results(CatalogQuery query) {
    if (query.transport().isEmpty()) {
      SearchResult r = service.search(query.toSearch(query.offset(), CatalogQuery.PAGE_SIZE));
      return new CatalogPage.Results(r.hits(), r.total(), r.nextOffset());
    }
    SearchResult r = service.search(query.toSearch(0, TRANSPORT_SCAN));
    List<SearchHit> kept = new ArrayList<>();
    for (SearchHit hit : r.hits()) {
      if (hit.entry().remotes().stream()
          .anyMatch(remote -> query.transport().equals(remote.type()))) {
        kept.add(hit);
      }
    }
    int from = Math.min(query.offset(), kept.size());
    int to = Math.min(kept.size(), from + CatalogQuery.PAGE_SIZE);
    return new CatalogPage.Results(
        kept.subList(from, to), kept.size(), to < kept.size() ? to : null);
  }

  private void server(
      HttpServletRequest request,
      HttpServletResponse response,
      String rest,
      String root,
      boolean head)
      throws IOException {
    List<SchemaRoute.Target> schemaTargets = SchemaRoute.parse(rest);
    if (!schemaTargets.isEmpty()) {
      schema(request, response, schemaTargets, head);
      return;
    }
    String name = rest.length() > 1 ? decode(rest.substring(1)) : null;
    Optional<ServerEntry> entry = name == null ? Optional.empty() : service.get(name);
    if (entry.isEmpty() || entry.get().status() == LifecycleStatus.DELETED) {
      page(
          request,
          response,
          404,
          shell.page(
              "Not found · MCP servers",
              root,
              "<h1>No such server</h1>"
                  + "<p>This registry has no server by that name. <a href=\""
                  + (root.isEmpty() ? "./" : root)
                  + "\">Search the catalog</a>.</p>"),
          head);
      return;
    }
    Instant now = clock.instant();
    List<ServerVersion> versions = service.versions().versions(name);
    List<HealthSample> history = store.healthHistory(name, now.minus(HISTORY));
    page(
        request, response, 200, serverPage.render(entry.get(), versions, history, root, now), head);
  }

  /** One tool's input schema as JSON, for schemas too long to show inline on the server's page. */
  private void schema(
      HttpServletRequest request,
      HttpServletResponse response,
      List<SchemaRoute.Target> targets,
      boolean head)
      throws IOException {
    boolean declaredOnly = "declared".equals(request.getParameter("from"));
    for (SchemaRoute.Target target : targets) {
      Optional<ServerEntry> entry = service.get(target.server());
      if (entry.isPresent() && entry.get().status() != LifecycleStatus.DELETED) {
        Map<String, Object> schema =
            SchemaRoute.find(
                entry.get().capabilities(),
                entry.get().discoveredCapabilities(),
                target.tool(),
                declaredOnly);
        if (schema != null) {
          String body = json.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
          answer(request, response, 200, JSON_TYPE, WebAssets.utf8(body), head);
          return;
        }
      }
    }
    answer(
        request,
        response,
        404,
        JSON_TYPE,
        WebAssets.utf8(
            "{\"error\": \"This registry has no input schema for a tool of that name on that"
                + " server\"}\n"),
        head);
  }

  private void asset(
      HttpServletRequest request, HttpServletResponse response, String rest, boolean head)
      throws IOException {
    WebAssets.Asset asset = assets.find("assets" + rest);
    if (asset == null) {
      response.setStatus(404);
      response.setContentType("text/plain; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      byte[] body = WebAssets.utf8("Not found\n");
      response.setContentLength(body.length);
      if (!head) {
        response.getOutputStream().write(body);
      }
      return;
    }
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("ETag", asset.etag());
    if (asset.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(304);
      return;
    }
    response.setStatus(200);
    response.setContentType(asset.contentType());
    response.setContentLength(asset.bytes().length);
    if (!head) {
      response.getOutputStream().write(asset.bytes());
    }
  }

  /**
   * Writes an HTML page, with a validator so that a browser's revalidation of an unchanged page
   * costs no body.
   */
  private static void page(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String html,
      boolean head)
      throws IOException {
    answer(request, response, status, "text/html; charset=utf-8", WebAssets.utf8(html), head);
  }

  /** Writes a rendered answer, with a validator on a 200. */
  private static void answer(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String contentType,
      byte[] body,
      boolean head)
      throws IOException {
    response.setHeader("Cache-Control", "no-cache");
    if (status == 200) {
      String etag = "W/\"" + WebAssets.sha256(body).substring(0, 16) + "\"";
      response.setHeader("ETag", etag);
      if (etag.equals(request.getHeader("If-None-Match"))) {
        response.setStatus(304);
        return;
      }
    }
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    if (!head) {
      response.getOutputStream().write(body);
    }
  }

  private String message(String root, String title, String text) {
    return shell.page(
        Html.text(title) + " · MCP servers",
        root,
        "<h1>" + Html.text(title) + "</h1><p>" + Html.text(text) + "</p>");
  }

  private static void securityHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.setHeader(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  }

  /** Percent-decodes a path (a literal {@code +} stays a plus, as in any path). */
  static String decode(String rawPath) {
    try {
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
