package io.mcpplatform.registry.rest;

import io.mcpplatform.core.access.Access;
import io.mcpplatform.core.access.AuditTrail;
import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.catalog.Arguments;
import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.FieldError;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.limits.RateLimitedException;
import io.mcpplatform.core.limits.RateLimiter;
import io.mcpplatform.core.registry.RegistryOperations;
import io.mcpplatform.core.registry.RegistryOperations.StatusChange;
import io.mcpplatform.core.registry.ServerVersions;
import io.mcpplatform.registry.auth.AuthenticationException;
import io.mcpplatform.registry.auth.TokenService;
import io.mcpplatform.registry.rest.RestApiServlet.RestCall;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the REST endpoints do: reads are public, writes ({@code POST /publish}, the {@code PATCH}
 * status endpoints) need a bearer token whose permissions cover the name, and each write, allowed
 * or refused, is audited. {@code GET /audit} shows the audit log to admin tokens.
 */
public final class RestOperations {

  private static final Pattern VERSION_STATUS =
      Pattern.compile("^/servers/(.+?)/versions/([^/]+)/status$");
  private static final Pattern VERSION = Pattern.compile("^/servers/(.+?)/versions/([^/]+)$");
  private static final Pattern VERSIONS = Pattern.compile("^/servers/(.+?)/versions/?$");
  private static final Pattern ALL_STATUS = Pattern.compile("^/servers/(.+?)/status$");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final int DEFAULT_LIMIT = 30;

  private final RegistryOperations operations;
  private final ServerVersions versions;
  private final TokenService tokens;
  private final RateLimiter limiter;
  private final ObjectMapper json;
  private final ServerJson shapes;
  private final ServerListing listing;

  /**
   * A response.
   *
   * @param status HTTP status
   * @param body JSON body
   */
  public record Reply(int status, JsonNode body) {}

  /**
   * @param operations the registry's operations, which authorize and audit
   * @param tokens verifies bearer tokens
   * @param limiter per-caller rate limit
   * @param json mapper
   */
  public RestOperations(
      RegistryOperations operations, TokenService tokens, RateLimiter limiter, ObjectMapper json) {
    this.operations = operations;
    this.versions = operations.service().versions();
    this.tokens = tokens;
    this.limiter = limiter;
    this.json = json;
    this.shapes = new ServerJson(json);
    this.listing = new ServerListing(operations.service());
  }

  /** Applies the rate limit of the caller (token subject, else source address). */
  void admit(RestCall call) {
    if (!limiter.enabled()) {
      return;
    }
    Caller caller = call.callerOrNull(tokens);
    long wait =
        limiter.acquire(caller != null ? "sub:" + caller.subject() : "addr:" + call.source());
    if (wait > 0) {
      throw new RateLimitedException(wait);
    }
  }

  Reply handle(RestCall call, JsonNode body) {
    String path = call.path();
    String method = call.method();
    Matcher m;
    if (path.equals("/servers") || path.equals("/servers/")) {
      allow(method, "GET");
      return list(query(call.query()));
    }
    if (path.equals("/publish")) {
      allow(method, "POST");
      return publish(call, body);
    }
    if (path.equals("/audit")) {
      allow(method, "GET");
      return auditLog(call);
    }
    if ((m = VERSION_STATUS.matcher(path)).matches()) {
      allow(method, "PATCH");
      return changeStatus(call, decode(m.group(1)), decode(m.group(2)), body);
    }
    if ((m = VERSION.matcher(path)).matches()) {
      allow(method, "GET");
      return version(decode(m.group(1)), decode(m.group(2)));
    }
    if ((m = VERSIONS.matcher(path)).matches()) {
      allow(method, "GET");
      return versionList(decode(m.group(1)), query(call.query()));
    }
    if ((m = ALL_STATUS.matcher(path)).matches()) {
      allow(method, "PATCH");
      return changeAllStatus(call, decode(m.group(1)), body);
    }
    throw new RestException(404, "Not found: no endpoint at /v0.1" + path);
  }

  private Reply list(Map<String, String> q) {
    int limit = intParam(q, "limit", DEFAULT_LIMIT, 1, 100);
    String version = q.get("version");
    if (version != null && !version.equals("latest")) {
      throw new RestException(400, "version must be 'latest' (the only filter value supported)");
    }
    String search = q.get("search");
    if (search != null && search.length() > 500) {
      throw new RestException(400, "search must be at most 500 characters");
    }
    ServerListing.Result result =
        listing.list(
            new ServerListing.Query(
                search,
                time(q, "updated_since"),
                version != null,
                bool(q, "include_deleted"),
                q.get("cursor"),
                limit));
    ObjectNode out = json.createObjectNode();
    ArrayNode servers = out.putArray("servers");
    for (ServerListing.Item item : result.items()) {
      servers.add(shapes.response(item.version(), item.latest()));
    }
    ObjectNode metadata = out.putObject("metadata");
    metadata.put("count", result.items().size());
    if (result.nextCursor() != null) {
      metadata.put("nextCursor", result.nextCursor());
    }
    return new Reply(200, out);
  }

  private Reply versionList(String restName, Map<String, String> q) {
    String name = RestNames.toCatalog(restName);
    boolean includeDeleted = bool(q, "include_deleted");
    ServerEntry latest = versions.latest(name).orElse(null);
    ObjectNode out = json.createObjectNode();
    ArrayNode servers = out.putArray("servers");
    for (ServerVersion v : versions.versions(name)) {
      if (includeDeleted || v.status() != LifecycleStatus.DELETED) {
        servers.add(shapes.response(v, latest));
      }
    }
    if (servers.isEmpty()) {
      throw new RestException(404, "Server '" + restName + "' not found");
    }
    out.putObject("metadata").put("count", servers.size());
    return new Reply(200, out);
  }

  private Reply version(String restName, String version) {
    String name = RestNames.toCatalog(restName);
    ServerVersion v =
        versions
            .find(name, version)
            .orElseThrow(
                () ->
                    new RestException(
                        404, "Version " + version + " of server '" + restName + "' not found"));
    return new Reply(200, shapes.response(v, versions.latest(name).orElse(null)));
  }

  private Access access(RestCall call) {
    try {
      return Access.of(tokens.verifyAuthorization(call.authorization()), call.source());
    } catch (AuthenticationException e) {
      return Access.anonymous(e, call.source());
    }
  }

  private Reply publish(RestCall call, JsonNode body) {
    ServerVersions.PublishOutcome outcome =
        operations.publish(access(call), () -> json.convertValue(body, MAP));
    String name = outcome.version().entry().name();
    return new Reply(200, shapes.response(outcome.version(), versions.latest(name).orElse(null)));
  }

  private Reply changeStatus(RestCall call, String restName, String version, JsonNode body) {
    String name = RestNames.toCatalog(restName);
    ServerVersion changed =
        operations.changeStatus(access(call), name, version, () -> statusChange(body));
    return new Reply(200, shapes.response(changed, versions.latest(name).orElse(null)));
  }

  private Reply changeAllStatus(RestCall call, String restName, JsonNode body) {
    String name = RestNames.toCatalog(restName);
    List<ServerVersion> changed =
        operations.changeAllStatus(access(call), name, () -> statusChange(body));
    ServerEntry latest = versions.latest(name).orElse(null);
    ObjectNode out = json.createObjectNode();
    out.put("updatedCount", changed.size());
    ArrayNode servers = out.putArray("servers");
    changed.forEach(v -> servers.add(shapes.response(v, latest)));
    return new Reply(200, out);
  }

  private Reply auditLog(RestCall call) {
    Access access = access(call);
    Map<String, String> q = query(call.query());
    Instant since = time(q, "since");
    int limit = intParam(q, "limit", 100, 1, 1000);
    AuditTrail.Page page =
        operations.auditLog(
            access, since == null ? Instant.now().minus(Duration.ofDays(1)) : since, limit);
    ObjectNode out = json.createObjectNode();
    out.set("records", json.valueToTree(page.records()));
    ObjectNode metadata = out.putObject("metadata");
    metadata.put("count", page.records().size());
    if (page.truncated()) {
      metadata.put("truncated", true);
    }
    return new Reply(200, out);
  }

  private static StatusChange statusChange(JsonNode body) {
    if (body == null) {
      throw new RestException(400, "status must be 'active', 'deprecated' or 'deleted'");
    }
    JsonNode status = body.get("status");
    if (status == null
        || !status.isString()
        || !List.of("active", "deprecated", "deleted").contains(status.asString())) {
      throw new RestException(400, "status must be 'active', 'deprecated' or 'deleted'");
    }
    JsonNode message = body.get("statusMessage");
    if (message != null
        && !message.isNull()
        && (!message.isString() || message.asString().length() > 500)) {
      throw new RestException(400, "statusMessage must be a string of at most 500 characters");
    }
    return new StatusChange(
        LifecycleStatus.fromWire(status.asString()),
        message == null || message.isNull() ? null : message.asString());
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new RestException(
          405, "Method " + method + " is not allowed here (allowed: " + allowed + ")");
    }
  }

  /** Decodes a path segment: percent escapes only ('+' stays '+', as in a path). */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RestException(400, "The path holds a malformed percent escape");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(key, value);
      } catch (IllegalArgumentException e) {
        throw new RestException(400, "The query string holds a malformed percent escape");
      }
    }
    return out;
  }

  private static int intParam(Map<String, String> q, String name, int fallback, int min, int max) {
    FieldChecks checks = new FieldChecks();
    int value = new Arguments(q, checks).integer(name, fallback, min, max);
    throwIfAny(checks);
    return value;
  }

  private static boolean bool(Map<String, String> q, String name) {
    FieldChecks checks = new FieldChecks();
    boolean value = new Arguments(q, checks).bool(name);
    throwIfAny(checks);
    return value;
  }

  /** Query problems read as one line per field, without the server.json prefix of body problems. */
  private static void throwIfAny(FieldChecks checks) {
    if (!checks.errors().isEmpty()) {
      FieldError first = checks.errors().get(0);
      throw new RestException(400, first.field() + " " + first.message());
    }
  }

  private static Instant time(Map<String, String> q, String name) {
    FieldChecks checks = new FieldChecks();
    Instant value = new Arguments(q, checks).time(name);
    throwIfAny(checks);
    return value;
  }
}
