package io.mcpplatform.client.mcp;

/**
 * A request to an MCP server got no result: the server answered with a JSON-RPC error, an HTTP error or
 * something that is not MCP, could not be reached, or took too long. The message is short and readable
 * (no class names, never a header value).
 */
final class RpcFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retriable;

  /**
   * @param message what went wrong
   * @param retriable whether trying again later may succeed (unreachable, timed out, 5xx, 429)
   */
  RpcFailure(String message, boolean retriable) {
    this(message, retriable, null);
  }

  /**
   * @param message what went wrong
   * @param retriable whether trying again later may succeed
   * @param cause the underlying failure, nullable
   */
  RpcFailure(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  /** @return whether trying again later may succeed */
  boolean retriable() {
    return retriable;
  }
}
