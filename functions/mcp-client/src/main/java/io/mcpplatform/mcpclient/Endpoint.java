package io.mcpplatform.mcpclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * What every connection of one session shares: the origin and the one address it was resolved to
 * (asked of the {@link HostResolver} once, before the first packet), the caller's headers, the
 * negotiated protocol version, the connection settings and a few kept-alive connections to that
 * address.
 */
final class Endpoint {

  private static final int MAX_IDLE = 4;

  final URI uri;
  final Origin origin;
  private final Map<String, String> headers;
  private final HostResolver resolver;
  private final int connectMillis;
  private final SSLContext ssl;
  private final String userAgent;
  private final Deque<HttpConnection> idle = new ArrayDeque<>();
  private volatile InetAddress address;
  private volatile String protocolVersion;

  /**
   * A request sent and its response head read, on a connection to hand back with {@link #release}.
   */
  record Exchange(HttpConnection connection, HttpResponse response) {}

  Endpoint(
      URI uri,
      Map<String, String> headers,
      HostResolver resolver,
      int connectMillis,
      SSLContext ssl,
      String userAgent) {
    this.uri = uri;
    this.origin = Origin.of(uri);
    this.headers = Map.copyOf(headers);
    this.resolver = resolver;
    this.connectMillis = connectMillis;
    this.ssl = ssl;
    this.userAgent = userAgent;
  }

  /**
   * @param budget the request's budget
   * @return a connection to the session's address
   * @throws McpException when the name does not resolve, the resolver refuses it, or connecting
   *     fails
   */
  HttpConnection open(Budget budget) {
    InetAddress pinned = address;
    if (pinned == null) {
      synchronized (this) {
        if (address == null) {
          address = resolve();
        }
        pinned = address;
      }
    }
    return HttpConnection.open(origin, pinned, connectMillis, ssl, budget, userAgent);
  }

  /**
   * Sends one request on an idle kept-alive connection when there is one, else on a new one. A
   * kept-alive connection the server has closed meanwhile fails before any answer; the request is
   * then sent once more on a new connection (as the JDK's own HTTP client does).
   *
   * @return the exchange; the caller reads the body, then calls {@link #release}
   * @throws McpException when connecting fails or the answer is not HTTP
   * @throws IOException when the connection fails
   */
  Exchange send(String method, URI target, Map<String, String> headers, byte[] body, Budget budget)
      throws IOException {
    HttpConnection pooled;
    synchronized (idle) {
      pooled = idle.pollFirst();
    }
    if (pooled != null) {
      pooled.budget(budget);
      try {
        return new Exchange(pooled, pooled.send(method, target, headers, body, true));
      } catch (IOException | McpException e) {
        pooled.close();
        if (e instanceof McpException m && m.kind() != McpException.Kind.PROTOCOL) {
          throw m;
        }
      }
    }
    HttpConnection fresh = open(budget);
    try {
      return new Exchange(fresh, fresh.send(method, target, headers, body, true));
    } catch (IOException | RuntimeException e) {
      fresh.close();
      throw e;
    }
  }

  /**
   * Keeps the connection for the next request when its answer was read to the end, else closes it.
   */
  void release(Exchange exchange) {
    if (exchange.response().reusable()) {
      synchronized (idle) {
        if (idle.size() < MAX_IDLE) {
          idle.addFirst(exchange.connection());
          return;
        }
      }
    }
    exchange.connection().close();
  }

  /** Closes the kept-alive connections. */
  void closeIdle() {
    synchronized (idle) {
      idle.forEach(HttpConnection::close);
      idle.clear();
    }
  }

  private InetAddress resolve() {
    try {
      InetAddress resolved = resolver.resolve(origin.host());
      if (resolved == null) {
        throw new UnknownHostException(origin.host());
      }
      return resolved;
    } catch (UnknownHostException e) {
      throw HttpConnection.connectFailure("unknown host " + origin.host(), e);
    } catch (IOException e) {
      String reason = e.getMessage();
      throw new McpException(
          McpException.Kind.CONNECT,
          reason == null ? "the host name was refused" : reason,
          false,
          null,
          e);
    }
  }

  /**
   * @return the caller's headers and the protocol version once negotiated, for every request
   */
  Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>(headers);
    String version = protocolVersion;
    if (version != null) {
      h.put("MCP-Protocol-Version", version);
    }
    return h;
  }

  /**
   * @return the headers of a POST carrying one JSON-RPC message
   */
  Map<String, String> postHeaders() {
    Map<String, String> h = headers();
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json, text/event-stream");
    return h;
  }

  void protocolVersion(String version) {
    this.protocolVersion = version;
  }

  String protocolVersion() {
    return protocolVersion;
  }
}
