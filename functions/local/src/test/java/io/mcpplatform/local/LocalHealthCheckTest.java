package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.registry.RegistryApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health checker inside the local system: triggered over HTTP, probing the registry's own MCP
 * endpoint.
 */
class LocalHealthCheckTest {

  @TempDir Path dataDir;

  private static void registerSelf(LocalSystem system) {
    Map<String, Object> args = new HashMap<>();
    args.put("server_id", "registry-itself");
    args.put("name", "The registry");
    args.put("url", system.baseUrl() + RegistryApp.MCP_PATH);
    system
        .registry()
        .service()
        .register(RegistrationRequest.fromArguments(args, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP));
  }

  private static HttpResponse<String> post(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void adminTrigger_runsTheChecker_andProbesLoopbackServers() throws Exception {
    try (LocalSystem system =
        LocalSystem.start("127.0.0.1", 0, dataDir, Duration.ofHours(1), false)) {
      registerSelf(system);

      HttpResponse<String> response = post(system.baseUrl() + "/admin/health-check");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).containsPattern("\"up\":[1-9]");
      var entry = system.registry().service().get("registry-itself").orElseThrow();
      assertThat(entry.health().status()).isEqualTo(HealthStatus.HEALTHY);
      assertThat(entry.health().serverName()).isEqualTo("mcp-registry");
      assertThat(entry.discoveredCapabilities()).anyMatch(c -> c.name().equals("check_health"));
    }
  }

  @Test
  void denyLoopbackProbes_reportsLoopbackServersAsRefused() throws Exception {
    try (LocalSystem system =
        LocalSystem.start("127.0.0.1", 0, dataDir, Duration.ofHours(1), true)) {
      registerSelf(system);

      HttpResponse<String> response = post(system.baseUrl() + "/admin/health-check");

      assertThat(response.body()).containsPattern("\"refused\":[1-9]");
      assertThat(system.registry().service().get("registry-itself").orElseThrow().health().status())
          .isEqualTo(HealthStatus.REFUSED);
    }
  }

  @Test
  void adminTrigger_answersOnlyPost() throws Exception {
    try (LocalSystem system =
        LocalSystem.start("127.0.0.1", 0, dataDir, Duration.ofHours(1), false)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(system.baseUrl() + "/admin/health-check"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void options_parseHealthIntervalAndDenyLoopbackProbes() {
    LocalOptions options =
        LocalOptions.parse(
            new String[] {"--health-interval", "60", "--deny-loopback-probes"}, dataDir);
    LocalOptions defaults = LocalOptions.parse(new String[0], dataDir);

    assertThat(options.healthIntervalSeconds()).isEqualTo(60);
    assertThat(options.denyLoopbackProbes()).isTrue();
    assertThat(defaults.healthIntervalSeconds()).isEqualTo(300);
    assertThat(defaults.denyLoopbackProbes()).isFalse();
  }
}
