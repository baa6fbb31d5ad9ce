package io.mcpplatform.transport;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves several {@link Route}s from one servlet mapped at {@code /*}, with the same matching rules
 * in Lambda and in the local server: an exact route wins, then the longest prefix. A stage prefix
 * (API Gateway's {@code /prod}) named in the request attribute {@link #STAGE_PREFIX_ATTRIBUTE} is
 * removed first. Unknown paths get 404 and any failure a 500, both as JSON-RPC error objects.
 */
public final class RouteDispatcher extends HttpServlet {

  /** Request attribute holding a path prefix to strip before matching, such as {@code /prod}. */
  public static final String STAGE_PREFIX_ATTRIBUTE = "io.mcpplatform.transport.stagePrefix";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RouteDispatcher.class);

  private final transient List<Route> routes;
  private boolean initialized;

  /**
   * @param routes the routes; no two may share a path spec
   */
  public RouteDispatcher(List<Route> routes) {
    List<Route> sorted = new ArrayList<>(routes);
    long distinct = sorted.stream().map(Route::pathSpec).distinct().count();
    if (distinct != sorted.size()) {
      throw new IllegalArgumentException("two routes share a path spec: " + routes);
    }
    sorted.sort(Comparator.comparing(Route::isPrefix).thenComparing(r -> -r.pathSpec().length()));
    this.routes = List.copyOf(sorted);
  }

  /**
   * @return the routes, exact ones first, then prefixes longest first
   */
  public List<Route> routes() {
    return routes;
  }

  @Override
  public synchronized void init(ServletConfig config) throws ServletException {
    super.init(config);
    if (initialized) {
      return;
    }
    for (Route route : routes) {
      route.servlet().init(config);
    }
    initialized = true;
  }

  @Override
  public synchronized void destroy() {
    if (initialized) {
      for (Route route : routes) {
        try {
          route.servlet().destroy();
        } catch (RuntimeException e) {
          LOG.warn("Destroying the servlet at {} failed", route.pathSpec(), e);
        }
      }
      initialized = false;
    }
    super.destroy();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = routingPath(request);
    Route route = find(path);
    if (route == null) {
      JsonRpcErrors.write(
          response, 404, null, JsonRpcErrors.SERVER_ERROR, "Not found: no endpoint at this path");
      return;
    }
    try {
      route.servlet().service(new RoutedRequest(request, route, path), response);
    } catch (RuntimeException | ServletException e) {
      String ref = JsonRpcErrors.newReference();
      LOG.error("Servlet at {} failed (ref {})", route.pathSpec(), ref, e);
      if (!response.isCommitted()) {
        JsonRpcErrors.write(
            response, 500, null, JsonRpcErrors.INTERNAL_ERROR, "Internal error (ref " + ref + ")");
      }
    }
  }

  /**
   * @param path a request path without stage prefix
   * @return the route serving it, or null
   */
  public Route find(String path) {
    for (Route route : routes) {
      if (route.matches(path)) {
        return route;
      }
    }
    return null;
  }

  static String routingPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String path = uri == null || uri.isEmpty() ? "/" : uri;
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    Object stage = request.getAttribute(STAGE_PREFIX_ATTRIBUTE);
    if (stage instanceof String) {
      String prefix = (String) stage;
      if (!prefix.isEmpty() && path.startsWith(prefix + "/")) {
        path = path.substring(prefix.length());
      }
    }
    return path.isEmpty() ? "/" : path;
  }

  /**
   * Presents servlet path and path info relative to the matched route, as a servlet container
   * would.
   */
  private static final class RoutedRequest extends HttpServletRequestWrapper {
    private final String servletPath;
    private final String pathInfo;

    RoutedRequest(HttpServletRequest request, Route route, String path) {
      super(request);
      if (route.isPrefix()) {
        this.servletPath = route.base();
        String rest = path.substring(route.base().length());
        this.pathInfo = rest.isEmpty() ? null : rest;
      } else {
        this.servletPath = path;
        this.pathInfo = null;
      }
    }

    @Override
    public String getServletPath() {
      return servletPath;
    }

    @Override
    public String getPathInfo() {
      return pathInfo;
    }
  }
}
