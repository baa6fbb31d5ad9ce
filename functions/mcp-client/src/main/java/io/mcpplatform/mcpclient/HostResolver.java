package io.mcpplatform.mcpclient;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Turns the endpoint's host name into the one address every connection of a session goes to. Called
 * once per session, before the first packet; the Host header, TLS SNI and the certificate check
 * keep the host name. This is where a caller with an address policy (the health checker's SSRF
 * rules) pins the address it vetted, so that no second name lookup can send a connection elsewhere.
 */
@FunctionalInterface
public interface HostResolver {

  /** The system resolver: the first address the JDK returns. */
  HostResolver SYSTEM = InetAddress::getByName;

  /**
   * @param host a host name or IP literal (without IPv6 brackets)
   * @return the address to connect to
   * @throws IOException when the name does not resolve, or the caller refuses it
   */
  InetAddress resolve(String host) throws IOException;
}
