package io.mcpplatform.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses, once per probe. Tests supply fixed answers. */
@FunctionalInterface
public interface Resolver {

  /** The system resolver. */
  Resolver SYSTEM = InetAddress::getAllByName;

  /**
   * @param host a name or an IP literal
   * @return every address of the host
   * @throws UnknownHostException when the name does not resolve
   */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
