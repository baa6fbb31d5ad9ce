package io.mcpplatform.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05) next to each Streamable HTTP endpoint: for a
 * route {@code /x/mcp}, {@code GET /x/sse} opens a session's event stream (first event {@code
 * endpoint}, the session's message URL) and {@code POST /x/messages?sessionId=...} answers 202
 * while the JSON-RPC response arrives on the stream. Every message goes through the same {@link
 * StatelessMcpServlet} as Streamable HTTP, so the tools, checks and error screening are the same on
 * both transports.
 *
 * <p>Written here rather than taken from the SDK's deprecated {@code
 * HttpServletSseServerTransportProvider}: that one bounds neither the number of sessions, nor their
 * idle time, nor the bytes queued for a slow reader, and it would run the tools outside this seam.
 * Only a host that holds connections open (the local server) serves it; behind API Gateway the same
 * paths answer an error naming the Streamable HTTP URL ({@link #unavailableRoutes}).
 */
public final class LegacySse {

  /** Path segment of the stream, after the endpoint's base. */
  public static final String STREAM = "/sse";

  /** Path segment of the message URL, after the endpoint's base. */
  public static final String MESSAGES = "/messages";

  private static final String MCP = "/mcp";

  private LegacySse() {}

  /**
   * Bounds of one endpoint's sessions.
   *
   * @param maxSessions streams open at once; a further GET gets 503
   * @param idleTimeout a session without a POST for this long is closed
   * @param maxQueuedBytes bytes of events waiting to be written to one stream; a POST past it gets
   *     503
   * @param keepAlive time between comment lines on a quiet stream (finds closed connections)
   */
  public record Limits(
      int maxSessions, Duration idleTimeout, long maxQueuedBytes, Duration keepAlive) {

    public Limits {
      if (maxSessions < 1 || maxQueuedBytes < 1) {
        throw new IllegalArgumentException("maxSessions and maxQueuedBytes must be positive");
      }
      if (idleTimeout == null
          || idleTimeout.isNegative()
          || idleTimeout.isZero()
          || keepAlive == null
          || keepAlive.isNegative()
          || keepAlive.isZero()) {
        throw new IllegalArgumentException("idleTimeout and keepAlive must be positive");
      }
    }

    /**
     * @return 256 sessions, 5 minutes idle, 1 MiB queued, a keep-alive every 15 s
     */
    public static Limits defaults() {
      return new Limits(256, Duration.ofMinutes(5), 1L << 20, Duration.ofSeconds(15));
    }
  }

  /**
   * @param routes a function's routes
   * @param limits the bounds of each endpoint's sessions
   * @return the routes plus {@code /x/sse} and {@code /x/messages} for every Streamable HTTP route
   *     {@code /x/mcp}
   */
  public static List<Route> localRoutes(List<Route> routes, Limits limits) {
    List<Route> all = new ArrayList<>(routes);
    for (Route route : routes) {
      if (isMcp(route)) {
        String base = base(route);
        LegacySseSessions sessions = new LegacySseSessions(limits, base + MCP);
        all.add(new Route(base + STREAM, new LegacySseStreamServlet(sessions)));
        all.add(
            new Route(
                base + MESSAGES,
                new LegacySseMessageServlet(sessions, (StatelessMcpServlet) route.servlet())));
      }
    }
    return List.copyOf(all);
  }

  /**
   * @param routes a function's routes
   * @return the routes plus, for every Streamable HTTP route {@code /x/mcp}, {@code /x/sse} and
   *     {@code /x/messages} answering a JSON-RPC error that names {@code /x/mcp} (for hosts that
   *     answer each request whole, such as Lambda)
   */
  public static List<Route> unavailableRoutes(List<Route> routes) {
    List<Route> all = new ArrayList<>(routes);
    for (Route route : routes) {
      if (isMcp(route)) {
        String base = base(route);
        LegacySseUnavailableServlet unavailable = new LegacySseUnavailableServlet();
        for (String path : List.of(base + STREAM, base + MESSAGES)) {
          if (routes.stream().noneMatch(r -> r.pathSpec().equals(path))) {
            all.add(new Route(path, unavailable));
          }
        }
      }
    }
    return List.copyOf(all);
  }

  private static boolean isMcp(Route route) {
    return !route.isPrefix()
        && route.pathSpec().endsWith(MCP)
        && route.servlet() instanceof StatelessMcpServlet;
  }

  private static String base(Route route) {
    return route.pathSpec().substring(0, route.pathSpec().length() - MCP.length());
  }

  /**
   * @param requestUri a request URI ending in {@code /sse} or {@code /messages} (any stage prefix
   *     kept)
   * @return the same URI ending in the given segment instead
   */
  static String sibling(String requestUri, String segment) {
    String uri = requestUri == null ? "" : requestUri;
    for (String tail : List.of(STREAM, MESSAGES)) {
      if (uri.endsWith(tail)) {
        return uri.substring(0, uri.length() - tail.length()) + segment;
      }
    }
    return uri + segment;
  }
}
