package io.mcpplatform.transport;

/**
 * Carries server-to-client JSON-RPC messages (notifications, responses) on a stream held open for
 * the client: a Streamable HTTP event stream or a legacy SSE session.
 */
interface MessageSink {

  /**
   * Request attribute an outer transport sets to receive a call's notifications itself; the call's
   * answer then stays plain JSON for that transport to deliver.
   */
  String ATTRIBUTE = "io.mcpplatform.transport.messageSink";

  /**
   * Sends one message. Never throws for a client that went away: the message is dropped.
   *
   * @param json one JSON-RPC message, compact
   */
  void send(byte[] json);
}
