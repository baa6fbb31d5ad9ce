package io.mcpplatform.client.mcp;

/** An MCP server could not be reached or did not complete the MCP handshake. */
public class ConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the server (never a header value)
   * @param cause the last failure
   */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
