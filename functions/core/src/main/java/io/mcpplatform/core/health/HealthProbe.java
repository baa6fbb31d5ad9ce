package io.mcpplatform.core.health;

import io.mcpplatform.core.catalog.Remote;

/**
 * Checks whether an MCP server answers at a remote: the port the health checker and {@code check_health}
 * use. An implementation speaks MCP (not a bare GET), refuses addresses its {@link AddressPolicy} forbids,
 * and bounds time and response size.
 */
public interface HealthProbe {

  /**
   * Probes one remote once.
   *
   * @param remote where the server is reached ({@code streamable-http} or {@code sse})
   * @return what the probe found; a server's failure is a result, never an exception
   */
  ProbeResult probe(Remote remote);
}
