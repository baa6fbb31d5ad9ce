package io.mcpplatform.core.health;

import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.progress.ProgressListener;

/**
 * Checks whether an MCP server answers at a remote: the port the health checker and {@code
 * check_health} use. An implementation speaks MCP (not a bare GET), refuses addresses its {@link
 * AddressPolicy} forbids, and bounds time and response size.
 */
public interface HealthProbe {

  /**
   * Probes one remote once.
   *
   * @param remote where the server is reached ({@code streamable-http} or {@code sse})
   * @return what the probe found; a server's failure is a result, never an exception
   */
  ProbeResult probe(Remote remote);

  /**
   * Steps a probe reports: connected, initialized, capabilities listed; the caller reports the
   * verdict.
   */
  double STEPS = 4;

  /**
   * Probes one remote once, telling a listener of each step ({@link #STEPS} in all, the last one
   * the caller's verdict). The default reports nothing before it answers.
   *
   * @param remote where the server is reached
   * @param progress hears the probe's steps
   * @return what the probe found
   */
  default ProbeResult probe(Remote remote, ProgressListener progress) {
    return probe(remote);
  }
}
