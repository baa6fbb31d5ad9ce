package io.mcpplatform.mcpclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * What every connection of one session shares: the origin and the one address it was resolved to (asked
 * of the {@link HostResolver} once, before the first packet), the caller's headers, the negotiated
 * protocol version and the connection settings.
 */
final class Endpoint {

  final URI uri;
  final Origin origin;
  private final Map<String, String> headers;
  private final HostResolver resolver;
  private final int connectMillis;
  private final SSLContext ssl;
  private final String userAgent;
  private volatile InetAddress address;
  private volatile String protocolVersion;

  Endpoint(URI uri, Map<String, String> headers, HostResolver resolver, int connectMillis, SSLContext ssl,
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
   * @throws McpException when the name does not resolve, the resolver refuses it, or connecting fails
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
      throw new McpException(McpException.Kind.CONNECT, reason == null ? "the host name was refused" : reason,
          false, null, e);
    }
  }

  /** @return the caller's headers and the protocol version once negotiated, for every request */
  Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>(headers);
    String version = protocolVersion;
    if (version != null) {
      h.put("MCP-Protocol-Version", version);
    }
    return h;
  }

  /** @return the headers of a POST carrying one JSON-RPC message */
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
