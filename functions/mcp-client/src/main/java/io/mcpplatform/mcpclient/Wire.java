package io.mcpplatform.mcpclient;

import java.util.Map;

/** One MCP transport: how messages go to the server and how answers come back. */
interface Wire {

  /**
   * Goes through one message from the server; returns the response awaited when the message holds
   * it.
   */
  @FunctionalInterface
  interface Inbox {
    Map<String, Object> take(Object message);
  }

  /**
   * Sends a request and waits for its response, handing every other message on the way to the
   * inbox.
   *
   * @return the response (a JSON-RPC object with the request's id)
   * @throws McpException when no response comes
   * @throws SessionExpired when the server no longer knows the session
   */
  Map<String, Object> exchange(
      Map<String, Object> message, String method, Budget budget, Inbox inbox);

  /** Sends a notification or a response to the server's request. */
  void send(Map<String, Object> message, String what, Budget budget);

  /** Forgets the session (before a new {@code initialize}). */
  void reset();

  /** Ends the session; best effort. */
  void close();

  /** The server no longer knows the session (404 for a request carrying its id). */
  final class SessionExpired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionExpired() {
      super(null, null, false, false);
    }
  }
}
