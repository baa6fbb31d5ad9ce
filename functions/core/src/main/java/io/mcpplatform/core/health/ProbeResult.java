package io.mcpplatform.core.health;

import io.mcpplatform.core.catalog.Capability;
import java.util.List;
import java.util.Objects;

/**
 * What one probe found.
 *
 * @param outcome up, down or refused
 * @param latencyMillis duration of the MCP exchange, nullable when nothing was exchanged
 * @param protocolVersion the negotiated MCP protocol version, nullable unless up
 * @param serverName the server's {@code serverInfo.name}, nullable
 * @param serverVersion the server's {@code serverInfo.version}, nullable
 * @param discovered tools and resources the server listed, null unless up
 * @param detail a short reason, for people (never a stack trace), nullable when up
 */
public record ProbeResult(
    ProbeOutcome outcome,
    Long latencyMillis,
    String protocolVersion,
    String serverName,
    String serverVersion,
    List<Capability> discovered,
    String detail) {

  public ProbeResult {
    Objects.requireNonNull(outcome, "outcome");
    discovered = discovered == null ? null : List.copyOf(discovered);
  }

  /**
   * @param detail why the server is considered down
   * @param latencyMillis time spent, nullable
   * @return a failed probe
   */
  public static ProbeResult down(String detail, Long latencyMillis) {
    return new ProbeResult(ProbeOutcome.DOWN, latencyMillis, null, null, null, null, detail);
  }

  /**
   * @param detail which address was refused and why
   * @return a probe that sent nothing
   */
  public static ProbeResult refused(String detail) {
    return new ProbeResult(ProbeOutcome.REFUSED, null, null, null, null, null, detail);
  }
}
