package io.mcpplatform.mcpclient;

import java.net.URI;
import java.util.Locale;

/**
 * Where a session's connections go: scheme, host (as in the URL, for the Host header, SNI and
 * certificate checks) and port.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host as in the URL, without IPv6 brackets
 * @param port the port
 */
record Origin(String scheme, String host, int port) {

  /**
   * @param uri an absolute http(s) URI
   * @return its origin
   * @throws IllegalArgumentException when the URI is not http(s) or has no usable host
   */
  static Origin of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("the URL is not http or https");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the URL has no usable host");
    }
    return new Origin(scheme, unbracket(host), port(uri, scheme));
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static int port(URI uri, String scheme) {
    return uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
  }

  boolean tls() {
    return scheme.equals("https");
  }

  /**
   * @return the Host header value
   */
  String hostHeader() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    boolean defaultPort = tls() ? port == 443 : port == 80;
    return defaultPort ? h : h + ":" + port;
  }

  /**
   * @return whether the URI points at this origin
   */
  boolean same(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals(this.scheme)
        && unbracket(uri.getHost()).equalsIgnoreCase(host)
        && port(uri, scheme) == port;
  }
}
