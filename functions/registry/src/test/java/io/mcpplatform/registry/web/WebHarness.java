package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.core.testing.MutableClock;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.registry.RegistryApp;
import io.mcpplatform.registry.RegistryConfig;
import io.mcpplatform.registry.RegistryHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry behind its Lambda handler, fed API Gateway REST proxy events (the deployed shape,
 * stage {@code prod}), with a hand clock and helpers to write entries with health and history.
 */
final class WebHarness implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final RegistryApp app;
  private final RegistryHandler handler;

  WebHarness(Path dir) {
    RegistryConfig config =
        new RegistryConfig(null, null, null, dir, UrlPolicy.HTTPS_ONLY, Duration.ZERO);
    app =
        new RegistryApp(
            FileRegistryStore.open(dir),
            config,
            null,
            remote -> ProbeResult.down("test", 1L),
            io.mcpplatform.registry.auth.SigningKeyProvider.fixed(
                "web-harness-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
            clock);
    handler = new RegistryHandler(app);
  }

  /**
   * Writes an entry as registered, then healthy with the given discovered tools, indexed for
   * search.
   */
  ServerEntry add(
      String name,
      String title,
      String description,
      List<String> tags,
      String transport,
      List<Capability> declared,
      List<Capability> discovered) {
    ServerEntry entry =
        ServerEntry.builder(name, title, "1.0.0")
            .description(description)
            .remotes(
                List.of(
                    new Remote(
                        transport,
                        "https://" + name.replace('/', '.') + ".example.com/mcp",
                        List.of())))
            .tags(tags)
            .capabilities(declared)
            .discoveredCapabilities(List.of())
            .build();
    app.store().saveRegistration(entry, 0, NOW.minusSeconds(3600));
    ServerEntry saved =
        app.store()
            .saveHealth(
                name,
                new Health(HealthStatus.HEALTHY, NOW.minusSeconds(120), 42L, "2025-06-18", 0, null),
                discovered,
                NOW.minusSeconds(120));
    app.service().indexIfNewer(saved);
    return saved;
  }

  /**
   * Adds one health sample per {@code every} over the last {@code span}, down when {@code down}
   * says so.
   */
  void history(String name, Duration span, Duration every, java.util.function.IntPredicate down) {
    int i = 0;
    for (Instant at = NOW.minus(span); at.isBefore(NOW); at = at.plus(every), i++) {
      boolean up = !down.test(i);
      app.store()
          .appendHealthHistory(
              name, new HealthSample(at, up, up ? 40L : null), NOW.plus(Duration.ofDays(8)));
    }
  }

  Response get(String pathAndQuery) {
    return call("GET", pathAndQuery, Map.of());
  }

  Response call(String method, String pathAndQuery, Map<String, String> headers) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    ObjectNode event = JSON.createObjectNode();
    event.put("resource", path.equals("/") ? "/" : "/{proxy+}");
    event.put("path", path);
    event.put("httpMethod", method);
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    single.put("Host", "abc123.execute-api.us-east-1.amazonaws.com");
    multi.putArray("Host").add("abc123.execute-api.us-east-1.amazonaws.com");
    headers.forEach(
        (k, v) -> {
          single.put(k, v);
          multi.putArray(k).add(v);
        });
    if (q < 0) {
      event.putNull("queryStringParameters");
      event.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode qs = event.putObject("queryStringParameters");
      ObjectNode mqs = event.putObject("multiValueQueryStringParameters");
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        qs.put(k, v);
        (mqs.has(k) ? (tools.jackson.databind.node.ArrayNode) mqs.get(k) : mqs.putArray(k)).add(v);
      }
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "123456789012");
    context.put("apiId", "abc123");
    context.put("stage", "prod");
    context.put("path", "/prod" + path);
    context.put("httpMethod", method);
    context.put("requestId", "req-web");
    context.putObject("identity").put("sourceIp", "203.0.113.9");
    event.putNull("body");
    event.put("isBase64Encoded", false);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
      return new Response(JSON.readTree(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }

  /** A proxy response. */
  record Response(JsonNode proxy) {
    int status() {
      return proxy.get("statusCode").asInt();
    }

    String body() {
      return proxy.path("body").asString("");
    }

    boolean base64() {
      return proxy.path("isBase64Encoded").asBoolean(false);
    }

    String header(String name) {
      for (JsonNode headers : List.of(proxy.path("headers"), proxy.path("multiValueHeaders"))) {
        for (var field : headers.properties()) {
          if (field.getKey().equalsIgnoreCase(name)) {
            JsonNode v = field.getValue();
            return v.isArray() ? v.get(0).asString() : v.asString();
          }
        }
      }
      return null;
    }
  }
}
