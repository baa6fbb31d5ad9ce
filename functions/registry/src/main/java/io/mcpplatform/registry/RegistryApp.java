package io.mcpplatform.registry;

import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthProbe;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.health.probe.McpHealthProbe;
import io.mcpplatform.health.probe.ProbeSettings;
import io.mcpplatform.transport.HostGuard;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry function, wired: store, service, MCP tools and the routes it serves. Built once per
 * process (Lambda init, or the local system's start).
 */
public final class RegistryApp implements AutoCloseable {

  /** Path of the registry's MCP endpoint, on API Gateway and locally. */
  public static final String MCP_PATH = "/registry/mcp";
  static final String SERVER_NAME = "mcp-registry";
  static final String SERVER_VERSION = "0.1.0";

  private final RegistryStore store;
  private final RegistryService service;
  private final List<Route> routes;
  private final HealthCheckService healthChecks;

  /**
   * @param store where entries live
   * @param config the function's configuration (URL policy, index refresh)
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   */
  public RegistryApp(RegistryStore store, RegistryConfig config, HostGuard hostGuard) {
    this(store, config, hostGuard, defaultProbe(config));
  }

  /**
   * @param store where entries live
   * @param config the function's configuration (URL policy, index refresh)
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   * @param probe what {@code check_health} probes servers with
   */
  public RegistryApp(RegistryStore store, RegistryConfig config, HostGuard hostGuard, HealthProbe probe) {
    this.store = store;
    this.service = new RegistryService(store, Clock.systemUTC(), config.indexRefresh());
    this.healthChecks = new HealthCheckService(store, probe, Clock.systemUTC(), service::indexIfNewer);
    ObjectMapper json = JsonMapper.builder().build();
    RegistryTools tools = new RegistryTools(service, config.urlPolicy(), json, healthChecks);
    StatelessMcpServlet.Builder mcp = StatelessMcpServlet.builder(SERVER_NAME, SERVER_VERSION)
        .instructions("A registry of MCP servers. Use search_servers to find servers by what they do,"
            + " get_server for connection details, register_server to add or update one.")
        .tools(tools.specifications())
        .toolFailureMapper(RegistryTools.failures());
    if (hostGuard != null) {
      mcp.hostGuard(hostGuard);
    }
    this.routes = List.of(new Route(MCP_PATH, mcp.build()));
  }

  /**
   * Builds the registry from the environment: DynamoDB when {@code TABLE_NAME} is set, else the embedded
   * store in {@code REGISTRY_DATA_DIR}.
   *
   * @return the wired function
   */
  public static RegistryApp fromEnvironment() {
    RegistryConfig config = RegistryConfig.fromEnvironment();
    return new RegistryApp(openStore(config), config, null);
  }

  /**
   * @param config the configuration
   * @return the MCP probe with default timeouts; loopback allowed only under the local URL policy
   */
  public static HealthProbe defaultProbe(RegistryConfig config) {
    return new McpHealthProbe(ProbeSettings.defaults(config.urlPolicy() == UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP
        ? AddressPolicy.allowingLoopback() : AddressPolicy.strict()));
  }

  /**
   * @param config the configuration
   * @return the store it names; the caller closes it through {@link #close()}
   */
  public static RegistryStore openStore(RegistryConfig config) {
    if (config.tableName() == null) {
      return FileRegistryStore.open(config.dataDir());
    }
    DynamoDbClient client;
    if (config.dynamoDbEndpoint() != null) {
      client = DynamoDbClientFactory.createLocal(config.dynamoDbEndpoint());
    } else {
      client = DynamoDbClientFactory.create(config.region() == null
          ? Region.US_EAST_1 : Region.of(config.region()));
    }
    return new DynamoDbRegistryStore(client, config.tableName());
  }

  /** @return the routes this function serves */
  public List<Route> routes() {
    return routes;
  }

  /** @return the registry's use cases, for in-process callers (the local system, the health checker) */
  public RegistryService service() {
    return service;
  }

  /** @return the health checks, sharing this registry's store and refreshing its search index */
  public HealthCheckService healthChecks() {
    return healthChecks;
  }

  /** @return the store */
  public RegistryStore store() {
    return store;
  }

  @Override
  public void close() {
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not close the registry store", e);
      }
    }
  }
}
