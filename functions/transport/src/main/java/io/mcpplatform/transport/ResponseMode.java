package io.mcpplatform.transport;

import java.util.Locale;

/**
 * How a Streamable HTTP POST is answered: {@link #AUTO} streams server-sent events only when the
 * client accepts them and asked for progress, {@link #JSON} never streams, {@link #SSE} streams
 * every request whose {@code Accept} allows {@code text/event-stream}. Set by {@code
 * MCP_RESPONSE_MODE}.
 */
public enum ResponseMode {
  /** Events when there is something to stream (the default). */
  AUTO,
  /** Always {@code application/json}. */
  JSON,
  /** {@code text/event-stream} whenever the client accepts it. */
  SSE;

  /** The environment variable that selects the mode. */
  public static final String ENVIRONMENT_VARIABLE = "MCP_RESPONSE_MODE";

  /**
   * @param value {@code auto}, {@code json} or {@code sse} (any case); null or blank for the
   *     default
   * @return the mode
   * @throws IllegalArgumentException naming the setting when the value is none of those
   */
  public static ResponseMode parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case "json":
        return JSON;
      case "sse":
        return SSE;
      default:
        throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " must be auto, json or sse");
    }
  }

  /**
   * @return the mode named by {@code MCP_RESPONSE_MODE}, {@link #AUTO} when unset
   */
  public static ResponseMode fromEnvironment() {
    return parse(System.getenv(ENVIRONMENT_VARIABLE));
  }
}
