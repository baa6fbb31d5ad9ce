package io.mcpplatform.maps;

import io.mcpplatform.aws.geo.DynamoDbDailyCallCounter;
import io.mcpplatform.aws.geo.DynamoDbGeocodeCache;
import io.mcpplatform.aws.lambda.LambdaTracing;
import io.mcpplatform.aws.secrets.SecretsManagerSecretSource;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.core.geo.CachingGeocoder;
import io.mcpplatform.core.geo.DailyCallCounter;
import io.mcpplatform.core.geo.DailyCappedGeocoder;
import io.mcpplatform.core.geo.FallbackGeocoder;
import io.mcpplatform.core.geo.GeocodeCache;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.InMemoryDailyCallCounter;
import io.mcpplatform.core.geo.InMemoryGeocodeCache;
import io.mcpplatform.core.limits.RateLimiter;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretSource;
import io.mcpplatform.embedded.geo.OfflineGeocoder;
import io.mcpplatform.maps.google.GoogleGeocoder;
import io.mcpplatform.transport.HostGuard;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maps function, wired: geocoders, MCP tools and the route it serves. Built once per process
 * (Lambda init, or the local system's start); the offline gazetteer loads on another thread
 * meanwhile, and {@link #awaitReady()} waits for it before the init phase ends.
 *
 * <p>Which geocoder answers: with no Google key configured, the offline gazetteer. With one, Google
 * Geocoding while the secret holds a key (falling back to the offline gazetteer, with a note, when
 * Google times out, fails on its side or cannot be reached), behind the geocode cache and within
 * the daily cap on Google calls; the offline gazetteer, with a note, while the secret is empty or
 * past the cap. A per-caller rate limit stands in front of the endpoint.
 */
public final class MapsApp {

  /** Path of the maps server's MCP endpoint, on API Gateway and locally. */
  public static final String MCP_PATH = "/maps/mcp";

  /** The server's name in {@code initialize}. */
  public static final String SERVER_NAME = "mcp-maps";

  static final String SERVER_VERSION = "0.1.0";
  static final String GOOGLE = "Google Geocoding";
  static final String OFFLINE = "the offline gazetteer";
  static final int MEMORY_CACHE_ENTRIES = 10_000;

  /** The service name in the daily counter's key ({@code COUNTER#google#yyyy-MM-dd}). */
  static final String GOOGLE_COUNTER = "google";

  private static final Logger LOG = LoggerFactory.getLogger(MapsApp.class);

  private final Geocoder geocoder;
  private final List<Route> routes;
  private final Map<String, String> toolDescriptions;
  private final CompletableFuture<?> ready;

  /**
   * @param geocoder answers the tools' questions
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   */
  public MapsApp(Geocoder geocoder, HostGuard hostGuard) {
    this(geocoder, hostGuard, RateLimiter.UNLIMITED, CompletableFuture.completedFuture(null));
  }

  /**
   * @param geocoder answers the tools' questions
   * @param hostGuard Host/Origin checks for the MCP endpoint, or null (on Lambda)
   * @param limiter the per-caller rate limit in front of the endpoint
   */
  public MapsApp(Geocoder geocoder, HostGuard hostGuard, RateLimiter limiter) {
    this(geocoder, hostGuard, limiter, CompletableFuture.completedFuture(null));
  }

  private MapsApp(
      Geocoder geocoder, HostGuard hostGuard, RateLimiter limiter, CompletableFuture<?> ready) {
    this.geocoder = Objects.requireNonNull(geocoder, "geocoder");
    this.ready = ready;
    MapsTools tools = new MapsTools(geocoder, JsonMapper.builder().build());
    Map<String, String> descriptions = new LinkedHashMap<>();
    tools
        .specifications()
        .forEach(spec -> descriptions.put(spec.tool().name(), spec.tool().description()));
    this.toolDescriptions = Collections.unmodifiableMap(descriptions);
    StatelessMcpServlet.Builder mcp =
        StatelessMcpServlet.builder(SERVER_NAME, SERVER_VERSION)
            .instructions(
                "Geocoding. Use get_location to turn a place name or address into coordinates, an address"
                    + " and a map link; reverse_geocode to find the address or nearest place of a latitude and longitude.")
            .tools(tools.specifications())
            .toolFailureMapper(MapsTools.failures());
    if (hostGuard != null) {
      mcp.hostGuard(hostGuard);
    }
    StatelessMcpServlet servlet = mcp.build();
    this.routes =
        List.of(
            new Route(
                MCP_PATH, limiter.enabled() ? new RateLimitedServlet(limiter, servlet) : servlet));
  }

  /**
   * Builds the maps function from the environment ({@link MapsConfig}), clients included.
   *
   * @return the wired function
   */
  public static MapsApp fromEnvironment() {
    return create(MapsConfig.fromEnvironment());
  }

  /**
   * @param config the configuration
   * @return the function it describes, with its AWS clients built once here and the gazetteer
   *     loaded
   */
  public static MapsApp create(MapsConfig config) {
    OfflineGeocoder offline = new OfflineGeocoder();
    CompletableFuture<Integer> loading = loadInBackground(offline);
    if (!config.googleConfigured()) {
      LOG.info(
          "no Google Maps key configured (GOOGLE_MAPS_SECRET_NAME); answering from the offline gazetteer");
      return new MapsApp(offline, null, limiter(config), loading);
    }
    Region region = config.region() == null ? Region.US_EAST_1 : Region.of(config.region());
    SecretsManagerClient secrets =
        SecretsManagerClient.builder()
            .region(region)
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(LambdaTracing.sdkClientOverrides())
            .build();
    GeocodeCache cache;
    DailyCallCounter googleCalls;
    if (config.tableName() == null) {
      cache = new InMemoryGeocodeCache(MEMORY_CACHE_ENTRIES, config.cacheTtl(), Clock.systemUTC());
      googleCalls = new InMemoryDailyCallCounter();
    } else {
      DynamoDbClient dynamo =
          config.dynamoDbEndpoint() != null
              ? DynamoDbClientFactory.createLocal(config.dynamoDbEndpoint())
              : DynamoDbClientFactory.create(region);
      cache =
          new DynamoDbGeocodeCache(
              dynamo, config.tableName(), config.cacheTtl(), Clock.systemUTC());
      googleCalls = new DynamoDbDailyCallCounter(dynamo, config.tableName(), GOOGLE_COUNTER);
    }
    return new MapsApp(
        geocoder(config, new SecretsManagerSecretSource(secrets), cache, googleCalls, offline),
        null,
        limiter(config),
        loading);
  }

  /**
   * @return a maps function for the local system: offline gazetteer only, loading in the background
   *     until {@link #awaitReady()}
   */
  public static MapsApp local() {
    OfflineGeocoder offline = new OfflineGeocoder();
    return new MapsApp(offline, null, RateLimiter.UNLIMITED, loadInBackground(offline));
  }

  /**
   * Waits until the offline gazetteer is loaded. The factories start loading it on another thread
   * so that it overlaps the MCP server's and the container's initialization; callers wait before
   * their init phase ends. A question asked before then waits for the load too.
   *
   * @throws io.mcpplatform.core.geo.GeocoderUnavailableException when the gazetteer cannot be
   *     loaded
   */
  public void awaitReady() {
    try {
      ready.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Decides which geocoder answers.
   *
   * @param config the configuration
   * @param secrets where the Google key is read (used only when a key is configured)
   * @param cache where Google's answers are kept
   * @param googleCalls where the day's Google calls are counted against {@link
   *     MapsConfig#googleDailyCap()}
   * @param offline the offline gazetteer
   * @return the geocoder the tools use
   */
  static Geocoder geocoder(
      MapsConfig config,
      SecretSource secrets,
      GeocodeCache cache,
      DailyCallCounter googleCalls,
      Geocoder offline) {
    if (!config.googleConfigured()) {
      return offline;
    }
    CachedSecretProvider key =
        new CachedSecretProvider(secrets, config.googleMapsSecretName(), config.secretLifetime());
    return geocoder(config, key, new GoogleGeocoder(key), cache, googleCalls, offline);
  }

  /**
   * Decides which geocoder answers, around a given Google geocoder: the key gate, then the answer
   * cache, then the daily cap (so cache hits are free), then the fallback for Google's transient
   * failures.
   */
  static Geocoder geocoder(
      MapsConfig config,
      CachedSecretProvider key,
      Geocoder google,
      GeocodeCache cache,
      DailyCallCounter googleCalls,
      Geocoder offline) {
    Geocoder capped =
        new DailyCappedGeocoder(
            new FallbackGeocoder(google, GOOGLE, offline, OFFLINE),
            GOOGLE,
            offline,
            OFFLINE,
            googleCalls,
            config.googleDailyCap(),
            Clock.systemUTC());
    Geocoder cached = new CachingGeocoder(capped, cache);
    LOG.info(
        "Google Maps key configured in secret {}; Google Geocoding answers (at most {} calls a UTC day), the"
            + " offline gazetteer stands in past that or when Google is unavailable",
        config.googleMapsSecretName(),
        config.googleDailyCap());
    return new KeyGatedGeocoder(key, cached, offline, config.secretLifetime(), Clock.systemUTC());
  }

  private static RateLimiter limiter(MapsConfig config) {
    return config.rateLimitPerSecond() > 0
        ? new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime)
        : RateLimiter.UNLIMITED;
  }

  private static CompletableFuture<Integer> loadInBackground(OfflineGeocoder offline) {
    CompletableFuture<Integer> loaded = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loaded.complete(offline.load());
              } catch (RuntimeException e) {
                loaded.completeExceptionally(e);
              }
            },
            "gazetteer-load");
    loader.setDaemon(true);
    loader.start();
    return loaded;
  }

  /**
   * After a SnapStart restore: forgets the Google key read before the snapshot (every copy restored
   * from it would otherwise share it), so the next question reads the secret again.
   */
  public void afterRestore() {
    if (geocoder instanceof KeyGatedGeocoder gated) {
      gated.forgetKey();
    }
  }

  /**
   * @return the routes this function serves
   */
  public List<Route> routes() {
    return routes;
  }

  /**
   * @return the tools this server offers, by name, with their descriptions (for a registry entry)
   */
  public Map<String, String> toolDescriptions() {
    return toolDescriptions;
  }

  /**
   * @return the geocoder behind the tools
   */
  public Geocoder geocoder() {
    return geocoder;
  }
}
