package io.mcpplatform.probe;

import io.mcpplatform.core.health.AddressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The SSRF decision for a probed host: resolved once, every address vetted, one address kept. */
final class ProbeTarget {

  /** Thrown when the policy refuses an address the host resolves to. */
  static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String detail) {
      super(detail);
    }
  }

  private ProbeTarget() {}

  /**
   * Resolves the host once and vets every address it has.
   *
   * @param host the host as in the URL, without IPv6 brackets
   * @return the vetted address every connection of the probe goes to
   * @throws RefusedException when any address is refused
   * @throws UnknownHostException when the name does not resolve
   */
  static InetAddress vet(String host, Resolver resolver, AddressPolicy policy)
      throws RefusedException, UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    for (InetAddress a : addresses) {
      String refusal = policy.refusal(a);
      if (refusal != null) {
        throw new RefusedException(
            "the host resolves to a "
                + refusal
                + " ("
                + a.getHostAddress()
                + "), which the health checker does not connect to");
      }
    }
    return addresses[0];
  }
}
