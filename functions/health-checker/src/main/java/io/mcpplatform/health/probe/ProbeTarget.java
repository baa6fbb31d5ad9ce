package io.mcpplatform.health.probe;

import io.mcpplatform.core.health.AddressPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A probed origin after the SSRF decision: the host name as the user gave it (for the Host header, SNI and
 * certificate checks) and the one vetted address every connection of the probe goes to.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host as in the URL, without IPv6 brackets
 * @param port the port
 * @param address the vetted address connections use
 */
record ProbeTarget(String scheme, String host, int port, InetAddress address) {

  /** Thrown when the policy refuses an address the host resolves to. */
  static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String detail) {
      super(detail);
    }
  }

  /**
   * Resolves the URL's host once and vets every address it has.
   *
   * @throws RefusedException when any address is refused
   * @throws ProbeFailedException when the URL is unusable or the name does not resolve
   */
  static ProbeTarget resolve(URI uri, Resolver resolver, AddressPolicy policy)
      throws RefusedException, ProbeFailedException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ProbeFailedException("the URL is not http or https");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
      throw new ProbeFailedException("the URL has no usable host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new ProbeFailedException("the host name does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      throw new ProbeFailedException("the host name does not resolve");
    }
    for (InetAddress a : addresses) {
      String refusal = policy.refusal(a);
      if (refusal != null) {
        throw new RefusedException("the host resolves to a " + refusal + " (" + a.getHostAddress()
            + "), which the health checker does not connect to");
      }
    }
    return new ProbeTarget(scheme, host, port, addresses[0]);
  }

  boolean tls() {
    return scheme.equals("https");
  }

  /** @return the Host header value */
  String hostHeader() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    boolean defaultPort = tls() ? port == 443 : port == 80;
    return defaultPort ? h : h + ":" + port;
  }

  /** @return whether the URI points at this origin */
  boolean sameOrigin(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    String otherHost = uri.getHost();
    if (otherHost.startsWith("[") && otherHost.endsWith("]")) {
      otherHost = otherHost.substring(1, otherHost.length() - 1);
    }
    int otherPort = uri.getPort() == -1 ? (uri.getScheme().equalsIgnoreCase("https") ? 443 : 80) : uri.getPort();
    return uri.getScheme().equalsIgnoreCase(scheme) && otherHost.equalsIgnoreCase(host) && otherPort == port;
  }
}
