package io.mcpplatform.core.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one probe ended. */
public enum ProbeOutcome {
  /** The server completed the MCP exchange. */
  UP("up"),
  /** The server could not be reached, timed out, or did not speak MCP. */
  DOWN("down"),
  /** The probe did not send anything: the address is one the checker must not reach. */
  REFUSED("refused");

  private final String wire;

  ProbeOutcome(String wire) {
    this.wire = wire;
  }

  /**
   * @return the lower-case name used on the wire
   */
  @JsonValue
  public String wire() {
    return wire;
  }
}
