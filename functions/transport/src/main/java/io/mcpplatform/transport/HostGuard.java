package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: only the listed {@code Host} values and {@code Origin}s may reach a
 * servlet. A request without an {@code Origin} header (any non-browser client) passes the origin
 * check. Used by the local server on loopback; off on Lambda, where API Gateway owns the host name.
 *
 * @param allowedHosts exact {@code Host} header values, compared case-insensitively
 * @param allowedOrigins exact {@code Origin} values, compared case-insensitively
 */
public record HostGuard(Set<String> allowedHosts, Set<String> allowedOrigins) {

  /**
   * HTTP status for a Host that is not ours (the SDK's validator and the conformance suite use it).
   */
  public static final int MISDIRECTED_REQUEST = 421;

  public HostGuard {
    if (allowedHosts == null || allowedHosts.isEmpty()) {
      throw new IllegalArgumentException("allowedHosts must not be empty");
    }
    allowedHosts = lowerCase(allowedHosts);
    allowedOrigins = allowedOrigins == null ? Set.of() : lowerCase(allowedOrigins);
  }

  /**
   * The guard for a server bound to a loopback port: hosts {@code 127.0.0.1:PORT}, {@code
   * localhost:PORT}, {@code [::1]:PORT} and the matching {@code http://} origins.
   *
   * @param port the bound port
   * @return the guard
   */
  public static HostGuard loopback(int port) {
    return loopback(port, List.of());
  }

  /**
   * As {@link #loopback(int)}, with extra allowed origins (for example a local web UI).
   *
   * @param port the bound port
   * @param extraOrigins further origins to allow, such as {@code http://localhost:6274}
   * @return the guard
   */
  public static HostGuard loopback(int port, List<String> extraOrigins) {
    if (port <= 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port);
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String name : List.of("127.0.0.1", "localhost", "[::1]")) {
      hosts.add(name + ":" + port);
    }
    Set<String> origins = new LinkedHashSet<>();
    for (String host : hosts) {
      origins.add("http://" + host);
    }
    origins.addAll(extraOrigins);
    return new HostGuard(hosts, origins);
  }

  /**
   * Checks a request's {@code Host} and {@code Origin} headers.
   *
   * @param request the request
   * @return null when the request may pass, otherwise why it may not
   */
  public Rejection check(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null || !allowedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
      return new Rejection(MISDIRECTED_REQUEST, "Misdirected request: Host header not allowed");
    }
    List<String> origins = values(request.getHeaders("Origin"));
    for (String origin : origins) {
      if (!allowedOrigins.contains(origin.trim().toLowerCase(Locale.ROOT))) {
        return new Rejection(403, "Forbidden: Origin not allowed");
      }
    }
    return null;
  }

  private static List<String> values(Enumeration<String> headers) {
    return headers == null ? List.of() : new ArrayList<>(Collections.list(headers));
  }

  private static Set<String> lowerCase(Set<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      out.add(v.trim().toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Why a request was turned away.
   *
   * @param httpStatus the HTTP status to answer with
   * @param message a client-safe message
   */
  public record Rejection(int httpStatus, String message) {}
}
