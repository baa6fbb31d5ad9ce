package io.mcpplatform.client.mcp;

import io.mcpplatform.client.DebugLog;
import io.mcpplatform.mcpclient.McpException;
import io.mcpplatform.mcpclient.McpSession;
import io.mcpplatform.mcpclient.McpTransport;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens MCP sessions through the MCP client library ({@link McpSession}), over Streamable HTTP or,
 * for catalog entries whose transport is {@code sse}, the legacy HTTP+SSE transport: the handshake
 * with retries and exponential backoff when the server is unreachable, slow or failing (not when it
 * refuses, say for missing credentials), and a bound on every request, tool calls included.
 */
public final class ServerConnector {

  /** Bound on one tool call (and any request). */
  public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final AtomicBoolean WARMED = new AtomicBoolean();

  private final Backoff backoff;
  private final Duration requestTimeout;
  private final String clientVersion;
  private final PrintStream progress;

  /**
   * @param backoff retry policy for the handshake
   * @param requestTimeout bound on each request, tool calls included
   * @param clientVersion version advertised in {@code initialize}
   */
  public ServerConnector(Backoff backoff, Duration requestTimeout, String clientVersion) {
    this(backoff, requestTimeout, clientVersion, null);
  }

  private ServerConnector(
      Backoff backoff, Duration requestTimeout, String clientVersion, PrintStream progress) {
    this.backoff = backoff;
    this.requestTimeout = requestTimeout;
    this.clientVersion = clientVersion;
    this.progress = progress;
  }

  /**
   * @param out where tool calls print the progress their servers report (standard error), one line
   *     each
   * @return this connector, asking servers for progress on every tool call
   */
  public ServerConnector withProgress(PrintStream out) {
    return new ServerConnector(backoff, requestTimeout, clientVersion, out);
  }

  /**
   * @return a connector with three attempts and a 30 s request timeout
   */
  public static ServerConnector withDefaults() {
    return new ServerConnector(Backoff.DEFAULT, DEFAULT_TOOL_TIMEOUT, "0.1.0");
  }

  /**
   * Starts running the code of a first session that needs no server (a message written and read, an
   * HTTP response and an event stream parsed) on a daemon thread, so that on a second core it
   * overlaps whatever the caller does before it connects. Opens no connection. Optional: without it
   * the first session does the same work itself. Once per process.
   */
  public static void warmUp() {
    if (!WARMED.compareAndSet(false, true)) {
      return;
    }
    Thread helper = new Thread(McpSession::warmUp, "mcp-warm-up");
    helper.setDaemon(true);
    helper.start();
  }

  /**
   * Connects over Streamable HTTP and completes the MCP handshake.
   *
   * @param serverName the server's catalog name, for messages
   * @param url the full MCP endpoint URL
   * @param headers headers to send on every request (values are never logged)
   * @return an initialized session
   * @throws ConnectionException when the URL is not http(s), the server refuses, or after the last
   *     attempt
   */
  public ServerSession connect(String serverName, String url, Map<String, String> headers) {
    return connect(serverName, url, "streamable-http", headers);
  }

  /**
   * Connects and completes the MCP handshake.
   *
   * @param serverName the server's catalog name, for messages
   * @param url the full MCP endpoint URL, or the SSE URL for the legacy transport
   * @param transport the catalog's transport: {@code sse} for the legacy HTTP+SSE one, else
   *     Streamable HTTP
   * @param headers headers to send on every request (values are never logged)
   * @return an initialized session
   * @throws ConnectionException when the URL is not http(s), the server refuses, or after the last
   *     attempt
   */
  public ServerSession connect(
      String serverName, String url, String transport, Map<String, String> headers) {
    McpSession http;
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null
          || uri.getRawAuthority() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new ConnectionException(
            "Server '" + serverName + "' has a URL that is not http(s): " + url, null);
      }
      http =
          McpSession.builder(uri)
              .transport("sse".equals(transport) ? McpTransport.SSE : McpTransport.STREAMABLE_HTTP)
              .headers(headers)
              .clientInfo("mcp-platform-client", clientVersion)
              .connectTimeout(CONNECT_TIMEOUT)
              .requestTimeout(requestTimeout)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ConnectionException("Server '" + serverName + "' has an invalid URL", e);
    }
    McpException last = null;
    int attempt = 1;
    for (; attempt <= backoff.attempts(); attempt++) {
      try {
        http.initialize();
        return new ServerSession(serverName, http, progress);
      } catch (McpException e) {
        last = e;
        DebugLog.debug(
            ServerConnector.class, "Attempt {} to connect to {} failed", attempt, serverName, e);
        if (!e.retriable()) {
          throw new ConnectionException(
              "Cannot connect to server '" + serverName + "' at " + url + ": " + e.getMessage(), e);
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
    throw new ConnectionException(
        "Cannot connect to server '"
            + serverName
            + "' at "
            + url
            + " after "
            + Math.min(attempt, backoff.attempts())
            + " attempts: "
            + (last == null ? "interrupted" : last.getMessage()),
        last);
  }
}
