package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Result of the latest health checks of a server. */
public enum HealthStatus {
  HEALTHY("healthy"),
  UNHEALTHY("unhealthy"),
  UNKNOWN("unknown"),
  /** The health checker refused to probe the server's address (loopback, private, metadata...). */
  REFUSED("refused");

  private final String wire;

  HealthStatus(String wire) {
    this.wire = wire;
  }

  /**
   * @return the lower-case name used on the wire and in storage
   */
  @JsonValue
  public String wire() {
    return wire;
  }

  /**
   * @param value a wire name, case-insensitive
   * @return the status
   * @throws IllegalArgumentException if the name is unknown
   */
  public static HealthStatus fromWire(String value) {
    for (HealthStatus s : values()) {
      if (s.wire.equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown health status: " + value);
  }
}
