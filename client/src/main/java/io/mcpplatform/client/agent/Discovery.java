package io.mcpplatform.client.agent;

import io.mcpplatform.client.DebugLog;
import io.mcpplatform.client.mcp.ConnectionException;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.McpTool;
import io.mcpplatform.client.mcp.MissingCredentialException;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.mcp.ServerSession;
import io.mcpplatform.client.registry.CatalogServer;
import io.mcpplatform.client.registry.RegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The seed's {@code discover_and_connect}, with a budget: search the registry, connect to the best
 * matches that are relevant and not unhealthy (a server never checked counts as a match: the local
 * system may run without the health checker), list their tools, and keep only the tools worth
 * sending ({@link ToolSelector}). Sessions are kept for reuse until {@link #close()}.
 *
 * <p>Relevant means scoring at least {@link Options#minScore()} (the registry's fused score, 0 to
 * 1) and at least {@link Options#relativeScore()} of the best score. A registry whose hits carry no
 * score, or scores above 1 (an older, unnormalized ranking), gets no absolute floor: its scores
 * cannot be compared with one.
 */
public final class Discovery implements AutoCloseable {

  /**
   * Bounds on discovery.
   *
   * @param searchLimit how many search results to read
   * @param maxServers most servers to connect to
   * @param relativeScore keep servers scoring at least this share of the best score (0-1)
   * @param minScore keep servers scoring at least this (0-1), when the registry's scores are
   *     normalized
   * @param maxTools most tools to send
   * @param maxResultChars cap on one tool result
   */
  public record Options(
      int searchLimit,
      int maxServers,
      double relativeScore,
      double minScore,
      int maxTools,
      int maxResultChars) {
    /** Default floor on the registry's fused score. */
    public static final double DEFAULT_MIN_SCORE = 0.35;

    /**
     * Ten results read, up to three servers scoring 0.35 or more and within 40% of the best, five
     * tools, 6,000 characters per result.
     */
    public static final Options DEFAULT =
        new Options(10, 3, 0.4, DEFAULT_MIN_SCORE, 5, Toolbox.DEFAULT_MAX_RESULT_CHARS);

    public Options {
      if (!(minScore >= 0 && minScore <= 1)) {
        throw new IllegalArgumentException("minScore must be from 0 to 1");
      }
    }
  }

  /**
   * What discovery found for one question.
   *
   * @param toolbox the tools to send
   * @param servers the servers connected, best first
   * @param problems servers skipped and why (no secret values)
   * @param matched how many servers the registry returned
   * @param chosen how many of them were relevant enough to connect to
   */
  public record Found(
      Toolbox toolbox, List<String> servers, List<String> problems, int matched, int chosen) {}

  private final RegistryClient registry;
  private final ServerConnector connector;
  private final HeaderCredentials credentials;
  private final Options options;
  private final Map<String, ServerSession> sessions = new HashMap<>();

  private static final Executor CONNECTORS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mcp-connect");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param registry the registry
   * @param connector how to reach servers
   * @param credentials header values for servers that need them
   * @param options bounds
   */
  public Discovery(
      RegistryClient registry,
      ServerConnector connector,
      HeaderCredentials credentials,
      Options options) {
    this.registry = registry;
    this.connector = connector;
    this.credentials = credentials;
    this.options = options;
  }

  /**
   * @param searchQuery what to search the registry for
   * @param question the user's question (ranks the tools)
   * @return the tools to offer; an empty toolbox when nothing matched or nothing could be reached
   * @throws io.mcpplatform.client.registry.RegistryException when the registry cannot be reached
   */
  public Found discover(String searchQuery, String question) {
    return discover(searchQuery, question, false);
  }

  /**
   * @param searchQuery what to search the registry for
   * @param question the user's question (ranks the tools)
   * @param fill whether to offer the chosen servers' other tools too, up to the bound, when few
   *     share words with the question ({@link ToolSelector#select(String, List, boolean)})
   * @return the tools to offer; an empty toolbox when nothing matched or nothing could be reached
   */
  Found discover(String searchQuery, String question, boolean fill) {
    List<CatalogServer> matches = registry.search(searchQuery, options.searchLimit()).servers();
    List<CatalogServer> chosen = choose(matches, options);
    double best = best(matches);
    // connect to the chosen servers at the same time: each handshake is a few round trips
    List<CompletableFuture<List<McpTool>>> pending = new ArrayList<>();
    for (CatalogServer server : chosen) {
      pending.add(
          chosen.size() == 1
              ? CompletableFuture.completedFuture(null)
              : CompletableFuture.supplyAsync(() -> session(server).tools(), CONNECTORS));
    }
    List<String> problems = new ArrayList<>();
    List<String> connected = new ArrayList<>();
    List<ToolSelector.Candidate> candidates = new ArrayList<>();
    // by identity: each candidate is its own entry (and a record's generated hashCode costs a cold
    // process
    // tens of milliseconds of method-handle set-up the first time)
    Map<ToolSelector.Candidate, McpTool> toolOf = new IdentityHashMap<>();
    Map<ToolSelector.Candidate, ServerSession> sessionOf = new IdentityHashMap<>();
    for (int i = 0; i < chosen.size(); i++) {
      CatalogServer server = chosen.get(i);
      ServerSession session;
      List<McpTool> tools;
      try {
        if (chosen.size() > 1) {
          pending.get(i).join();
        }
        session = session(server);
        tools = session.tools();
      } catch (CompletionException e) {
        DebugLog.debug(Discovery.class, "Skipping {}", server.name(), e);
        problems.add(
            e.getCause() == null
                ? "Server '" + server.name() + "' failed"
                : e.getCause().getMessage());
        continue;
      } catch (MissingCredentialException | ConnectionException e) {
        DebugLog.debug(Discovery.class, "Skipping {}", server.name(), e);
        problems.add(e.getMessage());
        continue;
      }
      double score = server.score() == null ? 0 : server.score();
      int rank = connected.size();
      connected.add(server.name());
      for (McpTool tool : tools) {
        ToolSelector.Candidate c =
            new ToolSelector.Candidate(
                rank, best > 0 ? score / best : 0, tool.name(), tool.description());
        candidates.add(c);
        toolOf.put(c, tool);
        sessionOf.put(c, session);
      }
    }
    Toolbox toolbox = new Toolbox(options.maxResultChars());
    for (ToolSelector.Candidate c :
        new ToolSelector(options.maxTools()).select(question, candidates, fill)) {
      toolbox.add(sessionOf.get(c), toolOf.get(c));
    }
    return new Found(toolbox, connected, problems, matches.size(), chosen.size());
  }

  /**
   * The servers worth connecting to, best first: relevant (see the class comment), not unhealthy,
   * with a remote, at most {@link Options#maxServers()}.
   *
   * @param matches the registry's hits, best first
   * @param options bounds
   * @return the chosen hits
   */
  static List<CatalogServer> choose(List<CatalogServer> matches, Options options) {
    double best = best(matches);
    double floor = normalized(matches) ? options.minScore() : 0;
    List<CatalogServer> chosen = new ArrayList<>();
    for (CatalogServer server : matches) {
      double score = server.score() == null ? 0 : server.score();
      if (chosen.size() >= options.maxServers()
          || best > 0 && score < best * options.relativeScore()) {
        break;
      }
      if (score >= floor && !"unhealthy".equals(server.healthStatus()) && server.remote() != null) {
        chosen.add(server);
      }
    }
    return chosen;
  }

  private static double best(List<CatalogServer> matches) {
    double best = 0;
    for (CatalogServer server : matches) {
      best = Math.max(best, server.score() == null ? 0 : server.score());
    }
    return best;
  }

  /**
   * Whether every hit carries a score from 0 to 1, so that a fixed floor means the same on every
   * page.
   */
  private static boolean normalized(List<CatalogServer> matches) {
    for (CatalogServer server : matches) {
      if (server.score() == null || server.score() < 0 || server.score() > 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Connects to one server (or reuses the open session), with its credentials.
   *
   * @param server the catalog entry
   * @return the session
   * @throws MissingCredentialException when a required header has no value
   * @throws ConnectionException when the server cannot be reached
   */
  public ServerSession session(CatalogServer server) {
    synchronized (sessions) {
      ServerSession open = sessions.get(server.name());
      if (open != null) {
        return open;
      }
    }
    CatalogServer.CatalogRemote remote = server.remote();
    if (remote == null) {
      throw new ConnectionException(
          "Server '" + server.name() + "' has no remote URL in the registry", null);
    }
    ServerSession session =
        connector.connect(
            server.name(), remote.url(), remote.type(), credentials.headersFor(server));
    synchronized (sessions) {
      ServerSession raced = sessions.putIfAbsent(server.name(), session);
      if (raced != null) {
        session.close();
        return raced;
      }
    }
    return session;
  }

  @Override
  public void close() {
    synchronized (sessions) {
      sessions.values().forEach(ServerSession::close);
      sessions.clear();
    }
  }
}
