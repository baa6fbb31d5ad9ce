package io.mcpplatform.mcpclient;

/** How a session talks to its server. */
public enum McpTransport {
  /**
   * Streamable HTTP (2025-03-26 and later): one POST per message, answers as JSON or an event
   * stream.
   */
  STREAMABLE_HTTP,
  /**
   * The legacy HTTP+SSE transport (2024-11-05): a GET opens the stream that carries every answer.
   */
  SSE
}
