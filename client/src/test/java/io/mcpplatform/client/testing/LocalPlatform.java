package io.mcpplatform.client.testing;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.RemoteHeader;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.local.LocalSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real local system (registry on the durable store) in this process, plus the {@link
 * TestMcpServers}, registered in its catalog: {@code geo} (maps, location), {@code weather}, {@code
 * odd} (tools that fail, hang or talk too much), {@code secure} (needs an {@code X-Api-Key} header,
 * declared as a secret in its remote), and {@code broken} (unhealthy, nothing listening).
 */
public final class LocalPlatform implements AutoCloseable {

  private final LocalSystem system;
  private final TestMcpServers servers;

  private LocalPlatform(LocalSystem system, TestMcpServers servers) {
    this.system = system;
    this.servers = servers;
  }

  /**
   * @param dataDir an empty folder for the registry's data
   * @return the started platform with the test servers registered
   */
  public static LocalPlatform start(Path dataDir) throws IOException {
    LocalSystem system = LocalSystem.start("127.0.0.1", 0, dataDir);
    TestMcpServers servers = TestMcpServers.start();
    LocalPlatform platform = new LocalPlatform(system, servers);
    {
      RegistryService registry = system.registry().service();
      register(
          registry,
          "geo",
          "Geo maps",
          "Geocoding and maps: find the location of places and addresses",
          servers.url("geo"),
          List.of("maps", "location", "geocoding"),
          List.of("get_location", "reverse_geocode"));
      register(
          registry,
          "weather",
          "Weather",
          "Weather forecasts and severe weather alerts",
          servers.url("weather"),
          List.of("weather"),
          List.of("get_forecast", "get_alerts"));
      register(
          registry,
          "odd",
          "Odd tools",
          "Odd lookups for testing: failing, slow and verbose reports",
          servers.url("odd"),
          List.of("testing"),
          List.of("always_fails", "slow_lookup", "verbose_report"));
      register(
          registry,
          "broken",
          "Broken maps",
          "Maps location server that is down",
          "http://127.0.0.1:9/broken/mcp",
          List.of("maps"),
          List.of("get_location"));
    }
    platform.saveDirectly(
        ServerEntry.builder("secure", "Secure geocoder", "1.0.0")
            .description("Geocoding that needs an API key: secure location lookup")
            .remotes(
                List.of(
                    new Remote(
                        Remote.STREAMABLE_HTTP,
                        servers.url("secure"),
                        List.of(
                            new RemoteHeader(
                                "X-Api-Key", "API key of the secure geocoder", true, true)))))
            .tags(List.of("secure"))
            .capabilities(List.of(new Capability("get_location", Capability.TOOL, "Find a place")))
            .build());
    platform.markUnhealthy("broken");
    return platform;
  }

  /** Registers in process (the registry's own use case): registration over MCP may need a token. */
  private static void register(
      RegistryService registry,
      String id,
      String title,
      String description,
      String url,
      List<String> tags,
      List<String> tools) {
    List<Map<String, Object>> capabilities = new ArrayList<>();
    tools.forEach(t -> capabilities.add(Map.of("name", t, "type", "tool")));
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("server_id", id);
    args.put("name", title);
    args.put("description", description);
    args.put("url", url);
    args.put("tags", tags);
    args.put("capabilities", capabilities);
    registry.register(RegistrationRequest.fromArguments(args, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP));
  }

  /** Registers filler servers, for tool-budget tests. */
  public void registerFiller(int count) {
    {
      RegistryService registry = system.registry().service();
      for (int i = 0; i < count; i++) {
        register(
            registry,
            "filler-" + i,
            "Filler " + i,
            "Filler service number " + i + " for catalog tests",
            servers.url("weather"),
            List.of("filler"),
            List.of("get_forecast", "get_alerts"));
      }
    }
  }

  /**
   * Registers a server whose remote declares one header, as a publisher may (the registry accepts
   * any names and headers its rules allow).
   *
   * @param name the server's name
   * @param description its description
   * @param url its MCP endpoint
   * @param header the header it declares
   * @param required whether the header is required (and secret)
   */
  public void registerWithHeader(
      String name, String description, String url, String header, boolean required) {
    saveDirectly(
        ServerEntry.builder(name, name, "1.0.0")
            .description(description)
            .remotes(
                List.of(
                    new Remote(
                        Remote.STREAMABLE_HTTP,
                        url,
                        List.of(new RemoteHeader(header, "API key", required, required)))))
            .tags(List.of("weather"))
            .capabilities(
                List.of(
                    new Capability("get_forecast", Capability.TOOL, "Weather forecast for a city")))
            .build());
  }

  /** Writes an entry past the registration rules, then gives it vectors as a reindex would. */
  private void saveDirectly(ServerEntry entry) {
    ServerEntry saved = system.registry().store().saveRegistration(entry, 0, Instant.now());
    system.registry().service().indexIfNewer(saved);
    system.registry().service().reindex();
  }

  private void markUnhealthy(String name) {
    ServerEntry saved =
        system
            .registry()
            .store()
            .saveHealth(
                name,
                new Health(
                    HealthStatus.UNHEALTHY, Instant.now(), null, null, 3, "connection refused"),
                null,
                Instant.now());
    system.registry().service().indexIfNewer(saved);
  }

  /**
   * @return the base URL, such as {@code http://127.0.0.1:PORT}
   */
  public String baseUrl() {
    return system.baseUrl();
  }

  /**
   * @return the registry's MCP endpoint
   */
  public String registryUrl() {
    return system.baseUrl() + "/registry/mcp";
  }

  /**
   * @return the test servers
   */
  public TestMcpServers servers() {
    return servers;
  }

  @Override
  public void close() {
    try {
      servers.close();
    } finally {
      system.close();
    }
  }
}
