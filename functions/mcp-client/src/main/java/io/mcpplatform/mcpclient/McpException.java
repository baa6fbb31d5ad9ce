package io.mcpplatform.mcpclient;

/**
 * A request to an MCP server got no result: the server answered with a JSON-RPC error, an HTTP
 * error or something that is not MCP, could not be reached, or took too long. The message is short
 * and readable (no class names, never a header value); {@link #kind()} lets a caller word its own
 * report.
 */
public final class McpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that report failures in their own words. */
  public enum Kind {
    /** The server could not be reached: refused, no route, TLS failed, name did not resolve. */
    CONNECT,
    /** No complete answer within the time allowed. */
    TIMEOUT,
    /** The server sent more bytes than allowed. */
    TOO_LARGE,
    /** An HTTP status other than success (redirects included: they are never followed). */
    HTTP,
    /** A JSON-RPC error answer; {@link #rpcCode()} holds its code. */
    RPC_ERROR,
    /** An answer that is not MCP: not HTTP, not JSON, no response, an unknown protocol version. */
    PROTOCOL
  }

  private final Kind kind;
  private final boolean retriable;
  private final Integer rpcCode;

  /**
   * @param kind what went wrong
   * @param message what went wrong, in words for people
   * @param retriable whether trying again later may succeed (unreachable, timed out, 5xx, 429)
   * @param rpcCode the JSON-RPC error code for {@link Kind#RPC_ERROR}, else null
   * @param cause the underlying failure, nullable
   */
  public McpException(
      Kind kind, String message, boolean retriable, Integer rpcCode, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retriable = retriable;
    this.rpcCode = rpcCode;
  }

  static McpException protocol(String message) {
    return new McpException(Kind.PROTOCOL, message, false, null, null);
  }

  /**
   * @return what went wrong
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return whether trying again later may succeed
   */
  public boolean retriable() {
    return retriable;
  }

  /**
   * @return the JSON-RPC error code, or null when the failure is not a JSON-RPC error
   */
  public Integer rpcCode() {
    return rpcCode;
  }
}
