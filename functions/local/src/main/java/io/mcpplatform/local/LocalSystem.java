package io.mcpplatform.local;

import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.embedding.BackgroundEmbedder;
import io.mcpplatform.health.LocalHealthChecks;
import io.mcpplatform.local.http.LocalHttpServer;
import io.mcpplatform.maps.MapsApp;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.ProbeSettings;
import io.mcpplatform.registry.RegistryApp;
import io.mcpplatform.registry.RegistryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every function of the platform in one process on loopback, with embedded defaults (durable file
 * store), serving the same paths as API Gateway.
 */
public final class LocalSystem implements AutoCloseable {

  /** Default time between health check runs. */
  public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofMinutes(5);

  private final RegistryApp registry;
  private final LocalHttpServer server;
  private final LocalHealthChecks healthChecks;

  private LocalSystem(
      RegistryApp registry, LocalHttpServer server, LocalHealthChecks healthChecks) {
    this.registry = registry;
    this.server = server;
    this.healthChecks = healthChecks;
  }

  /**
   * Opens the data and starts serving.
   *
   * @param host address to bind
   * @param port port, 0 for any free one
   * @param dataDir where data lives (one folder per function inside)
   * @return the running system
   * @throws IOException when the port cannot be bound
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the data is in use by another
   *     process
   */
  public static LocalSystem start(String host, int port, Path dataDir) throws IOException {
    return start(host, port, dataDir, DEFAULT_HEALTH_INTERVAL, false);
  }

  /**
   * Opens the data and starts serving, with the health checker on a timer.
   *
   * @param host address to bind
   * @param port port, 0 for any free one
   * @param dataDir where data lives (one folder per function inside)
   * @param healthInterval time between health check runs
   * @param denyLoopbackProbes whether the health checker refuses loopback servers too, as on AWS
   * @return the running system
   * @throws IOException when the port cannot be bound
   */
  public static LocalSystem start(
      String host, int port, Path dataDir, Duration healthInterval, boolean denyLoopbackProbes)
      throws IOException {
    MapsApp maps = MapsApp.local();
    RegistryConfig config = RegistryConfig.local(dataDir.resolve("registry"));
    McpHealthProbe probe =
        new McpHealthProbe(
            ProbeSettings.defaults(
                denyLoopbackProbes ? AddressPolicy.strict() : AddressPolicy.allowingLoopback()));
    // the model loads while the system starts: only searches and writes wait for it
    RegistryApp registry =
        new RegistryApp(
            RegistryApp.openStore(config), config, null, probe, BackgroundEmbedder.miniLm());
    LocalHealthChecks checks = new LocalHealthChecks(registry.healthChecks(), healthInterval, 16);
    List<io.mcpplatform.transport.Route> routes = new ArrayList<>(registry.routes());
    routes.addAll(maps.routes());
    routes.add(
        new io.mcpplatform.transport.Route(
            HealthCheckTriggerServlet.PATH, new HealthCheckTriggerServlet(checks)));
    // a local process holds connections open: the legacy SSE transport is served next to each MCP
    // path
    LocalHttpServer server =
        new LocalHttpServer(
            host,
            port,
            io.mcpplatform.transport.LegacySse.localRoutes(
                routes, io.mcpplatform.transport.LegacySse.Limits.defaults()));
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      checks.close();
      registry.close();
      throw e;
    }
    LocalSystem system = new LocalSystem(registry, server, checks);
    try {
      maps.awaitReady();
      MapsRegistration.register(registry.service(), maps, system.baseUrl());
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
    return system;
  }

  /**
   * @return the health checker's timer, for a run on demand
   */
  public LocalHealthChecks healthChecks() {
    return healthChecks;
  }

  /**
   * @return the base URL, such as {@code http://127.0.0.1:3000}
   */
  public String baseUrl() {
    return server.baseUri().toString().replaceAll("/$", "");
  }

  /**
   * @return the registry function
   */
  public RegistryApp registry() {
    return registry;
  }

  /**
   * @return what {@code ./run-local} prints once it is ready
   */
  public String banner() {
    String base = baseUrl();
    String registryUrl = base + RegistryApp.MCP_PATH;
    String mapsUrl = base + MapsApp.MCP_PATH;
    StringBuilder b = new StringBuilder();
    b.append("MCP platform running locally at ").append(base).append('\n');
    b.append('\n').append("Endpoints:").append('\n');
    LocalMain.endpointLines(base).forEach(line -> b.append(line).append('\n'));
    b.append('\n')
        .append("MCP client configuration (Claude Desktop, Cursor, VS Code: mcpServers):")
        .append('\n');
    b.append(
        """
        {
          "mcpServers": {
            "registry": { "type": "http", "url": "%s" },
            "maps": { "type": "http", "url": "%s" }
          }
        }
        """
            .formatted(registryUrl, mapsUrl));
    b.append('\n')
        .append("Claude Code:     claude mcp add --transport http registry ")
        .append(registryUrl)
        .append('\n');
    b.append("                 claude mcp add --transport http maps ").append(mapsUrl).append('\n');
    b.append("SSE-only clients: { \"type\": \"sse\", \"url\": \"")
        .append(base)
        .append("/maps/sse\" }")
        .append('\n');
    b.append("MCP Inspector:   npx @modelcontextprotocol/inspector --cli ")
        .append(registryUrl)
        .append(" --transport http --method tools/list")
        .append('\n');
    b.append('\n').append("Ready. Press Ctrl-C to stop.").append('\n');
    return b.toString();
  }

  /** Stops serving, then closes the data. */
  @Override
  public void close() {
    healthChecks.close();
    try {
      server.stop();
    } finally {
      registry.close();
    }
  }
}
