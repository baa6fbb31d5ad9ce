package io.mcpplatform.client.registry;

import io.mcpplatform.client.mcp.ConnectionException;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.mcp.ServerSession;
import io.mcpplatform.client.mcp.ToolOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry, through its MCP tools ({@code search_servers}, {@code get_server}) at {@code
 * {base}/registry/mcp}. One session is opened on first use and reused.
 */
public final class RegistryClient implements AutoCloseable {

  /** Path of the registry's MCP endpoint under the base URL. */
  public static final String MCP_PATH = "/registry/mcp";

  private final String baseUrl;
  private final ServerConnector connector;
  private final Map<String, String> headers;
  private ServerSession session;

  /**
   * @param baseUrl the platform's base URL, such as {@code http://127.0.0.1:3000} (a full {@code
   *     .../registry/mcp} URL is accepted too)
   * @param connector how to connect
   */
  public RegistryClient(String baseUrl, ServerConnector connector) {
    this(baseUrl, connector, null);
  }

  /**
   * @param baseUrl the platform's base URL, such as {@code http://127.0.0.1:3000} (a full {@code
   *     .../registry/mcp} URL is accepted too)
   * @param connector how to connect
   * @param token bearer token sent to the registry, nullable (reads need none on the local system)
   */
  public RegistryClient(String baseUrl, ServerConnector connector, String token) {
    this.headers =
        token == null || token.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + token);
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.baseUrl =
        base.endsWith(MCP_PATH) ? base.substring(0, base.length() - MCP_PATH.length()) : base;
    this.connector = connector;
  }

  /**
   * @return the registry's MCP endpoint URL
   */
  public String endpoint() {
    return baseUrl + MCP_PATH;
  }

  /**
   * Searches the catalog ({@code search_servers}); unhealthy servers are left out by the registry.
   *
   * @param query free text, nullable for all
   * @param limit page size, 1-100
   * @return the best matches first
   * @throws RegistryException when the registry cannot be reached or refuses the query
   */
  public SearchPage search(String query, int limit) {
    Map<String, Object> args = new LinkedHashMap<>();
    if (query != null && !query.isBlank()) {
      args.put("query", query.length() > 500 ? query.substring(0, 500) : query);
    }
    args.put("limit", limit);
    ToolOutcome outcome = call("search_servers", args);
    if (outcome.structuredContent() == null) {
      return new SearchPage(java.util.List.of(), 0, null);
    }
    try {
      return SearchPage.from(outcome.structuredContent());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          "The registry's search_servers result is not a catalog page: " + e.getMessage(), e);
    }
  }

  /**
   * Looks one server up ({@code get_server}).
   *
   * @param serverId the server's name
   * @return the entry, or null when the registry has no such server
   * @throws RegistryException when the registry cannot be reached
   */
  public CatalogServer get(String serverId) {
    Map<String, Object> args = Map.of("server_id", serverId);
    ToolOutcome outcome = session().call("get_server", args);
    if (outcome.isError()) {
      if (outcome.text().contains("not found")) {
        return null;
      }
      throw new RegistryException("The registry refused get_server: " + outcome.text(), null);
    }
    try {
      return CatalogServer.from(outcome.structuredContent());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          "The registry's get_server result is not a catalog entry: " + e.getMessage(), e);
    }
  }

  private ToolOutcome call(String tool, Map<String, Object> args) {
    ToolOutcome outcome = session().call(tool, args);
    if (outcome.isError()) {
      throw new RegistryException("The registry refused " + tool + ": " + outcome.text(), null);
    }
    return outcome;
  }

  private synchronized ServerSession session() {
    if (session == null) {
      try {
        session = connector.connect("registry", endpoint(), headers);
      } catch (ConnectionException e) {
        String reason =
            e.getCause() == null || e.getCause().getMessage() == null
                ? ""
                : ": " + e.getCause().getMessage();
        throw new RegistryException(
            "Cannot reach the registry at "
                + endpoint()
                + reason
                + " (start it with ./run-local, or set --registry / MCP_REGISTRY_URL)",
            e);
      }
    }
    return session;
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }
}
