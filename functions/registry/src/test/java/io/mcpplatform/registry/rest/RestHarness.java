package io.mcpplatform.registry.rest;

import io.mcpplatform.core.access.Permission;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.health.HealthProbe;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry behind its Lambda handler, fed HTTP API v2 events; a fixed signing key and a hand
 * clock. Public for the security regression suite, which drives both edges through it.
 */
public final class RestHarness implements AutoCloseable {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  static final byte[] KEY =
      "rest-harness-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  public final RegistryApp app;
  private final RegistryHandler handler;

  RestHarness(Path dir, double ratePerSecond, int burst) {
    this(dir, ratePerSecond, burst, remote -> ProbeResult.down("test", 1L));
  }

  /** A harness whose {@code check_health} probes with {@code probe}. */
  public RestHarness(Path dir, double ratePerSecond, int burst, HealthProbe probe) {
    RegistryConfig config =
        new RegistryConfig(null, null, null, dir, UrlPolicy.HTTPS_ONLY, Duration.ZERO)
            .withRateLimit(ratePerSecond, burst);
    app =
        new RegistryApp(
            FileRegistryStore.open(dir),
            config,
            null,
            probe,
            io.mcpplatform.registry.auth.SigningKeyProvider.fixed(KEY),
            clock);
    handler = new RegistryHandler(app);
  }

  /**
   * Calls an MCP tool over the registry's MCP endpoint.
   *
   * @return the JSON-RPC result
   */
  public JsonNode tool(String token, String tool, JsonNode arguments) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", "tools/call");
    request.putObject("params").put("name", tool).set("arguments", arguments);
    Response r =
        call(
            "POST",
            "/registry/mcp",
            token,
            request.toString(),
            Map.of(
                "accept",
                "application/json, text/event-stream",
                "mcp-protocol-version",
                "2025-06-18"));
    if (r.status != 200) {
      throw new AssertionError("MCP call answered " + r.status + ": " + r.raw);
    }
    return r.body.get("result");
  }

  /**
   * @return a token for a namespace, publish and edit, 15 minutes
   */
  public String token(String namespace) {
    return app.tokens()
        .issue("tester-" + namespace, Permission.publishAndEdit(namespace), Duration.ofMinutes(15));
  }

  public Response get(String pathAndQuery) {
    return call("GET", pathAndQuery, null, null, Map.of());
  }

  public Response call(
      String method,
      String pathAndQuery,
      String token,
      String body,
      Map<String, String> extraHeaders) {
    ObjectNode event = JSON.createObjectNode();
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", path);
    event.put("rawQueryString", q < 0 ? "" : pathAndQuery.substring(q + 1));
    ObjectNode headers = event.putObject("headers");
    headers.put("host", "abc123.execute-api.eu-west-1.amazonaws.com");
    headers.put("accept", "application/json");
    if (body != null) {
      headers.put("content-type", "application/json");
    }
    if (token != null) {
      headers.put("authorization", "Bearer " + token);
    }
    extraHeaders.forEach(headers::put);
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "123456789012");
    context.put("apiId", "abc123");
    context.put("domainName", "abc123.execute-api.eu-west-1.amazonaws.com");
    context.put("requestId", "req");
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    context.put("timeEpoch", 1_700_000_000_000L);
    ObjectNode http = context.putObject("http");
    http.put("method", method);
    http.put("path", path);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "203.0.113.7");
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Response(JSON.readTree(out.toByteArray()));
  }

  /**
   * @return a minimal server.json
   */
  public static ObjectNode serverJson(String name, String version) {
    ObjectNode s = JSON.createObjectNode();
    s.put(
        "$schema", "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
    s.put("name", name);
    s.put("description", "Forecasts for " + name);
    s.put("version", version);
    ObjectNode remote = s.putArray("remotes").addObject();
    remote.put("type", "streamable-http");
    remote.put("url", "https://" + name.replace('/', '-') + ".example.com/mcp");
    return s;
  }

  public Response publish(String token, JsonNode serverJson) {
    return call("POST", "/v0.1/publish", token, serverJson.toString(), Map.of());
  }

  @Override
  public void close() {
    app.close();
  }

  /** A proxy response. */
  public static final class Response {
    public final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    public final JsonNode body;
    public final String raw;

    Response(JsonNode proxy) {
      status = proxy.get("statusCode").asInt();
      proxy
          .path("headers")
          .properties()
          .forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue().asString()));
      proxy
          .path("multiValueHeaders")
          .properties()
          .forEach(
              e -> headers.putIfAbsent(e.getKey().toLowerCase(), e.getValue().get(0).asString()));
      raw = proxy.path("body").asString("");
      body = raw.isEmpty() ? JSON.createObjectNode() : JSON.readTree(raw);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }
}
