package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of a catalog entry, as in the official registry. */
public enum LifecycleStatus {
  ACTIVE("active"),
  DEPRECATED("deprecated"),
  DELETED("deleted");

  private final String wire;

  LifecycleStatus(String wire) {
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
  public static LifecycleStatus fromWire(String value) {
    for (LifecycleStatus s : values()) {
      if (s.wire.equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown lifecycle status: " + value);
  }
}
