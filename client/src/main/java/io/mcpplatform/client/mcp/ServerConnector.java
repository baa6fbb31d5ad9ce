package io.mcpplatform.client.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens MCP sessions over Streamable HTTP with the MCP Java SDK's client: initialize with retries and
 * exponential backoff, a bound on every request (tool calls included). The sessions of one connector share
 * their HTTP clients ({@link SharedHttpClients}); all sessions share one JSON mapper ({@link SessionJson}).
 */
public final class ServerConnector {

  /** Bound on one tool call (and any request). */
  public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ServerConnector.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Backoff backoff;
  private final Duration requestTimeout;
  private final String clientVersion;
  private final SharedHttpClients http = new SharedHttpClients(CONNECT_TIMEOUT);

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
   * Starts building the JSON side of MCP sessions (Jackson and the (de)serializers of the protocol's
   * messages) on a helper thread, so that it overlaps setting up the first session's SDK and HTTP clients.
   * Optional: without it the first message builds them. Once per process.
   *
   * @param alsoRead further types the caller will read with {@code JsonMapper.shared()}
   */
  public void prepareJson(List<Class<?>> alsoRead) {
    SessionJson.INSTANCE.prepare(alsoRead);
  }

  /**
   * Connects and completes the MCP handshake.
   *
   * @param serverName the server's catalog name, for messages
   * @param url the full MCP endpoint URL
   * @param headers headers to send on every request (values are never logged)
   * @return an initialized session
   * @throws ConnectionException after the last failed attempt
   */
  public ServerSession connect(String serverName, String url, Map<String, String> headers) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConnectionException("Server '" + serverName + "' has an invalid URL", e);
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new ConnectionException("Server '" + serverName + "' has a URL that is not http(s): " + url, null);
    }
    RuntimeException last = null;
    for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
      McpSyncClient client = client(uri, headers);
      try {
        client.initialize();
        return new ServerSession(serverName, client);
      } catch (RuntimeException e) {
        last = e;
        client.close();
        LOG.debug("Attempt {} to connect to {} failed", attempt, serverName, e);
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
        + backoff.attempts() + " attempts: " + ServerSession.reason(last), last);
  }

  private McpSyncClient client(URI uri, Map<String, String> headers) {
    // the SDK resolves the endpoint against the base and would drop a path prefix: pass the full path
    String base = uri.getScheme() + "://" + uri.getRawAuthority();
    String endpoint = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Map<String, String> fixed = Map.copyOf(headers);
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint)
        .clientBuilder(http.builderFor("https".equals(uri.getScheme())))
        .connectTimeout(CONNECT_TIMEOUT)
        .jsonMapper(SessionJson.INSTANCE)
        .httpRequestCustomizer((builder, method, target, body, context) -> fixed.forEach(builder::header))
        .build();
    return McpClient.sync(transport)
        .clientInfo(new McpSchema.Implementation("mcp-platform-client", clientVersion))
        .requestTimeout(requestTimeout)
        .initializationTimeout(requestTimeout)
        .jsonSchemaValidator(LazySchemaValidator.INSTANCE)
        .build();
  }
}
