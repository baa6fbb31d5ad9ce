package io.mcpplatform.client.mcp;

import io.mcpplatform.client.DebugLog;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * Opens MCP sessions over Streamable HTTP ({@link StreamableHttp}): the handshake with retries and
 * exponential backoff when the server is unreachable, slow or failing (not when it refuses, say for missing
 * credentials), and a bound on every request, tool calls included.
 */
public final class ServerConnector {

  /** Bound on one tool call (and any request). */
  public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Backoff backoff;
  private final Duration requestTimeout;
  private final String clientVersion;

  /**
   * @param backoff retry policy for the handshake
   * @param requestTimeout bound on each request, tool calls included
   * @param clientVersion version advertised in {@code initialize}
   */
  public ServerConnector(Backoff backoff, Duration requestTimeout, String clientVersion) {
    this.backoff = backoff;
    this.requestTimeout = requestTimeout;
    this.clientVersion = clientVersion;
  }

  /** @return a connector with three attempts and a 30 s request timeout */
  public static ServerConnector withDefaults() {
    return new ServerConnector(Backoff.DEFAULT, DEFAULT_TOOL_TIMEOUT, "0.1.0");
  }

  /**
   * Starts running the code of a first session that needs no server (Jackson's mapper and a message written
   * and read through it, the JDK's HTTP connection classes) on a daemon thread, so that on a second core
   * it overlaps whatever the caller does before it connects. Opens no connection. Optional: without it the
   * first session does the same work itself. Once per process.
   */
  public static void warmUp() {
    StreamableHttp.warmUp();
  }

  /**
   * Connects and completes the MCP handshake.
   *
   * @param serverName the server's catalog name, for messages
   * @param url the full MCP endpoint URL
   * @param headers headers to send on every request (values are never logged)
   * @return an initialized session
   * @throws ConnectionException when the URL is not http(s), the server refuses, or after the last attempt
   */
  public ServerSession connect(String serverName, String url, Map<String, String> headers) {
    URL endpoint;
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new ConnectionException("Server '" + serverName + "' has a URL that is not http(s): " + url, null);
      }
      endpoint = uri.toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new ConnectionException("Server '" + serverName + "' has an invalid URL", e);
    }
    StreamableHttp http = new StreamableHttp(serverName, endpoint, headers, CONNECT_TIMEOUT, requestTimeout,
        clientVersion);
    RpcFailure last = null;
    int attempt = 1;
    for (; attempt <= backoff.attempts(); attempt++) {
      try {
        http.initialize();
        return new ServerSession(serverName, http);
      } catch (RpcFailure e) {
        last = e;
        DebugLog.debug(ServerConnector.class, "Attempt {} to connect to {} failed", attempt, serverName, e);
        if (!e.retriable()) {
          throw new ConnectionException("Cannot connect to server '" + serverName + "' at " + url + ": "
              + e.getMessage(), e);
        }
        if (attempt < backoff.attempts()) {
          try {
            backoff.sleeper().sleep(backoff.waitAfter(attempt));
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
    }
    throw new ConnectionException("Cannot connect to server '" + serverName + "' at " + url + " after "
        + Math.min(attempt, backoff.attempts()) + " attempts: " + (last == null ? "interrupted" : last.getMessage()),
        last);
  }
}
