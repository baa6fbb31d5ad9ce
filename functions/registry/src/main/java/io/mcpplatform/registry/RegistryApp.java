package io.mcpplatform.registry;

import io.mcpplatform.aws.lambda.FunctionMetrics;
import io.mcpplatform.aws.lambda.LambdaTracing;
import io.mcpplatform.aws.secrets.SecretsManagerSecretSource;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.access.AuditTrail;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.embedding.TextEmbedder;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthProbe;
import io.mcpplatform.core.limits.RateLimitedException;
import io.mcpplatform.core.limits.RateLimiter;
import io.mcpplatform.core.registry.RegistryOperations;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.embedding.MiniLmEmbedder;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.ProbeSettings;
import io.mcpplatform.registry.auth.LocalSigningKey;
import io.mcpplatform.registry.auth.SecretSigningKey;
import io.mcpplatform.registry.auth.SigningKeyProvider;
import io.mcpplatform.registry.auth.TokenService;
import io.mcpplatform.registry.rest.RestApiServlet;
import io.mcpplatform.registry.rest.RestOperations;
import io.mcpplatform.registry.web.WebCatalogServlet;
import io.mcpplatform.transport.HostGuard;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
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

  /**
   * Probes a caller may start at once with {@code check_health}; each probe connects to a remote
   * server.
   */
  static final int PROBE_BURST = 5;

  /** Probes a caller may start a second once the burst is spent (one every 10 s). */
  static final double PROBES_PER_SECOND = 0.1;

  private final RegistryStore store;
  private final RegistryService service;
  private final List<Route> routes;
  private final HealthCheckService healthChecks;
  private final TokenService tokens;
  private final AuditTrail audit;
  private final SigningKeyProvider keys;

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
  public RegistryApp(
      RegistryStore store, RegistryConfig config, HostGuard hostGuard, HealthProbe probe) {
    this(store, config, hostGuard, probe, signingKey(config), Clock.systemUTC());
  }

  /**
   * @param store where entries live
   * @param config the function's configuration (URL policy, index refresh)
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   * @param probe what {@code check_health} probes servers with
   * @param embedder the sentence-embedding model of search and writes, or null for BM25 alone
   */
  public RegistryApp(
      RegistryStore store,
      RegistryConfig config,
      HostGuard hostGuard,
      HealthProbe probe,
      TextEmbedder embedder) {
    this(
        store,
        config,
        hostGuard,
        probe,
        signingKey(config),
        Clock.systemUTC(),
        FunctionMetrics.NONE,
        embedder);
  }

  /**
   * @param store where entries live
   * @param config the function's configuration (URL policy, index refresh, rate limit)
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   * @param probe what {@code check_health} probes servers with
   * @param keys the token signing key
   * @param clock time source of the registry and its tokens
   */
  public RegistryApp(
      RegistryStore store,
      RegistryConfig config,
      HostGuard hostGuard,
      HealthProbe probe,
      SigningKeyProvider keys,
      Clock clock) {
    this(store, config, hostGuard, probe, keys, clock, FunctionMetrics.NONE);
  }

  /**
   * @param store where entries live
   * @param config the function's configuration (URL policy, index refresh, rate limit)
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   * @param probe what {@code check_health} probes servers with
   * @param keys the token signing key
   * @param clock time source of the registry and its tokens
   * @param metrics where the search and registration metrics go ({@link FunctionMetrics#NONE}
   *     locally)
   */
  public RegistryApp(
      RegistryStore store,
      RegistryConfig config,
      HostGuard hostGuard,
      HealthProbe probe,
      SigningKeyProvider keys,
      Clock clock,
      FunctionMetrics metrics) {
    this(store, config, hostGuard, probe, keys, clock, metrics, null);
  }

  /**
   * @param store where entries live
   * @param config the function's configuration (URL policy, index refresh, rate limit)
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   * @param probe what {@code check_health} probes servers with
   * @param keys the token signing key
   * @param clock time source of the registry and its tokens
   * @param metrics where the search and registration metrics go ({@link FunctionMetrics#NONE}
   *     locally)
   * @param embedder the sentence-embedding model of search and writes, or null for BM25 alone
   */
  public RegistryApp(
      RegistryStore store,
      RegistryConfig config,
      HostGuard hostGuard,
      HealthProbe probe,
      SigningKeyProvider keys,
      Clock clock,
      FunctionMetrics metrics,
      TextEmbedder embedder) {
    this.store = store;
    this.keys = keys;
    this.service = new RegistryService(store, clock, config.indexRefresh(), embedder);
    this.healthChecks =
        new HealthCheckService(store, probe, clock, service::indexIfNewer, embedder);
    this.tokens = new TokenService(keys, clock, config.tokenMaxLifetime());
    this.audit = new AuditTrail(store, clock);
    RateLimiter limiter =
        config.rateLimitPerSecond() > 0
            ? new RateLimiter(
                config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime)
            : RateLimiter.UNLIMITED;
    RateLimiter probes = new RateLimiter(PROBES_PER_SECOND, PROBE_BURST, System::nanoTime);
    RegistryOperations operations =
        new RegistryOperations(
            service,
            config.urlPolicy(),
            audit,
            healthChecks,
            key -> {
              long wait = probes.acquire(key);
              if (wait > 0) {
                throw new RateLimitedException(wait);
              }
            });
    ObjectMapper json = JsonMapper.builder().build();
    RegistryTools tools = new RegistryTools(operations, json, new McpAccess(tokens, limiter));
    StatelessMcpServlet.Builder mcp =
        StatelessMcpServlet.builder(SERVER_NAME, SERVER_VERSION)
            .contextExtractor(McpAccess.extractor())
            .instructions(
                "A registry of MCP servers. Use search_servers to find servers by what they do,"
                    + " get_server for connection details, register_server to add or update one.")
            .tools(new ToolMetrics(metrics, service).measure(tools.specifications()))
            .toolFailureMapper(RegistryTools.failures());
    if (hostGuard != null) {
      mcp.hostGuard(hostGuard);
    }
    RestOperations rest = new RestOperations(operations, tokens, limiter, json);
    List<Route> all =
        new ArrayList<>(
            List.of(
                new Route(MCP_PATH, mcp.build()),
                new Route(RestApiServlet.PATH_SPEC, new RestApiServlet(rest, json))));
    all.addAll(new WebCatalogServlet(service, store, clock, json).routes());
    this.routes = List.copyOf(all);
  }

  /**
   * @param config the configuration
   * @return the keys in Secrets Manager (current and previous versions) when {@code
   *     REGISTRY_SIGNING_SECRET_ARN} is set, else the key files in the data directory (created on
   *     first use)
   */
  public static SigningKeyProvider signingKey(RegistryConfig config) {
    if (config.signingSecretArn() == null) {
      return LocalSigningKey.loadOrCreate(config.dataDir());
    }
    SecretsManagerClient client =
        SecretsManagerClient.builder()
            .region(config.region() == null ? Region.US_EAST_1 : Region.of(config.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(LambdaTracing.sdkClientOverrides())
            .build();
    return new SecretSigningKey(
        new SecretsManagerSecretSource(client),
        config.signingSecretArn(),
        Duration.ofMinutes(5),
        Clock.systemUTC());
  }

  /**
   * @return issues and verifies this registry's bearer tokens
   */
  public TokenService tokens() {
    return tokens;
  }

  /**
   * @return the audit trail of writes
   */
  public AuditTrail audit() {
    return audit;
  }

  /**
   * Builds the registry from the environment: DynamoDB when {@code TABLE_NAME} is set, else the
   * embedded store in {@code REGISTRY_DATA_DIR}.
   *
   * @return the wired function
   */
  public static RegistryApp fromEnvironment() {
    return fromEnvironment(FunctionMetrics.NONE);
  }

  /**
   * As {@link #fromEnvironment()}, recording the registry's metrics.
   *
   * @param metrics where the search and registration metrics go
   * @return the wired function
   */
  public static RegistryApp fromEnvironment(FunctionMetrics metrics) {
    RegistryConfig config = RegistryConfig.fromEnvironment();
    // loaded in Lambda's init phase, so that it is in the SnapStart snapshot
    return new RegistryApp(
        openStore(config),
        config,
        null,
        defaultProbe(config),
        signingKey(config),
        Clock.systemUTC(),
        metrics,
        MiniLmEmbedder.load());
  }

  /**
   * @return the token signing key's provider (refreshed after a SnapStart restore)
   */
  public SigningKeyProvider signingKeys() {
    return keys;
  }

  /**
   * @param config the configuration
   * @return the MCP probe with default timeouts; loopback allowed only under the local URL policy
   */
  public static HealthProbe defaultProbe(RegistryConfig config) {
    return new McpHealthProbe(
        ProbeSettings.defaults(
            config.urlPolicy() == UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP
                ? AddressPolicy.allowingLoopback()
                : AddressPolicy.strict()));
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
      client =
          DynamoDbClientFactory.create(
              config.region() == null ? Region.US_EAST_1 : Region.of(config.region()));
    }
    return new DynamoDbRegistryStore(client, config.tableName());
  }

  /**
   * @return the routes this function serves
   */
  public List<Route> routes() {
    return routes;
  }

  /**
   * @return the registry's use cases, for in-process callers (the local system, the health checker)
   */
  public RegistryService service() {
    return service;
  }

  /**
   * @return the health checks, sharing this registry's store and refreshing its search index
   */
  public HealthCheckService healthChecks() {
    return healthChecks;
  }

  /**
   * @return the store
   */
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
