package io.mcpplatform.registry.rest;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.PublishRequest;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.registry.ServerVersions;
import io.mcpplatform.core.registry.VersionNotFoundException;
import io.mcpplatform.registry.auth.AuthenticationException;
import io.mcpplatform.registry.auth.Caller;
import io.mcpplatform.registry.auth.Permission;
import io.mcpplatform.registry.auth.PermissionDeniedException;
import io.mcpplatform.registry.auth.TokenService;
import io.mcpplatform.registry.audit.AuditTrail;
import io.mcpplatform.registry.limits.RateLimitedException;
import io.mcpplatform.registry.limits.RateLimiter;
import io.mcpplatform.registry.rest.RestApiServlet.RestCall;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * What the REST endpoints do: reads are public, writes ({@code POST /publish}, the {@code PATCH} status
 * endpoints) need a bearer token whose permissions cover the name, and each write, allowed or refused, is
 * audited. {@code GET /audit} shows the audit log to admin tokens.
 */
public final class RestOperations {

  private static final Pattern VERSION_STATUS = Pattern.compile("^/servers/(.+?)/versions/([^/]+)/status$");
  private static final Pattern VERSION = Pattern.compile("^/servers/(.+?)/versions/([^/]+)$");
  private static final Pattern VERSIONS = Pattern.compile("^/servers/(.+?)/versions/?$");
  private static final Pattern ALL_STATUS = Pattern.compile("^/servers/(.+?)/status$");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final int DEFAULT_LIMIT = 30;

  private final RegistryService service;
  private final ServerVersions versions;
  private final UrlPolicy urlPolicy;
  private final TokenService tokens;
  private final RateLimiter limiter;
  private final AuditTrail audit;
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
   * @param service the registry
   * @param urlPolicy which remote URLs a publish may use
   * @param tokens verifies bearer tokens
   * @param limiter per-caller rate limit
   * @param audit where writes are recorded
   * @param json mapper
   */
  public RestOperations(RegistryService service, UrlPolicy urlPolicy, TokenService tokens, RateLimiter limiter,
      AuditTrail audit, ObjectMapper json) {
    this.service = service;
    this.versions = service.versions();
    this.urlPolicy = urlPolicy;
    this.tokens = tokens;
    this.limiter = limiter;
    this.audit = audit;
    this.json = json;
    this.shapes = new ServerJson(json);
    this.listing = new ServerListing(service);
  }

  /** Applies the rate limit of the caller (token subject, else source address). */
  void admit(RestCall call) {
    if (!limiter.enabled()) {
      return;
    }
    Caller caller = call.callerOrNull(tokens);
    long wait = limiter.acquire(caller != null ? "sub:" + caller.subject() : "addr:" + call.source());
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
    ServerListing.Result result = listing.list(new ServerListing.Query(search, time(q, "updated_since"),
        version != null, bool(q, "include_deleted"), q.get("cursor"), limit));
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
    ServerVersion v = versions.find(name, version)
        .orElseThrow(() -> new RestException(404, "Version " + version + " of server '" + restName + "' not found"));
    return new Reply(200, shapes.response(v, versions.latest(name).orElse(null)));
  }

  private Reply publish(RestCall call, JsonNode body) {
    Caller caller = authenticate(call, "publish", null, null);
    Map<String, Object> fields = json.convertValue(body, MAP);
    Object rawName = fields.get("name");
    String restName = rawName instanceof String s ? s : null;
    String version = fields.get("version") instanceof String s ? s : null;
    ServerEntry entry;
    try {
      entry = PublishRequest.toEntry(fields, urlPolicy);
    } catch (io.mcpplatform.core.catalog.ValidationException e) {
      audit.record(caller.subject(), "publish", restName, version, call.source(), "rejected", e.getMessage());
      throw e;
    }
    String name = RestNames.toCatalog(entry.name());
    if (!name.equals(entry.name()) && !RegistrationRequest.SEED_ID.matcher(name).matches()) {
      throw new RestException(400, "Invalid server.json: name: names in the '" + RestNames.DEFAULT_NAMESPACE
          + "' namespace must be 1 to 64 letters, digits, '-' or '_' after the '/'");
    }
    authorize(caller, Permission.PUBLISH, name, "publish", version, call);
    ServerEntry named = ServerEntry.builder(name, entry.title(), entry.version()).description(entry.description())
        .remotes(entry.remotes()).repository(entry.repository()).websiteUrl(entry.websiteUrl()).tags(entry.tags())
        .capabilities(entry.capabilities()).build();
    ServerVersions.PublishOutcome outcome;
    try {
      outcome = versions.publish(named);
    } catch (RuntimeException e) {
      audit.record(caller.subject(), "publish", name, version, call.source(), "rejected", e.getMessage());
      throw e;
    }
    audit.record(caller.subject(), "publish", name, version, call.source(), "ok",
        outcome.latest() ? "latest" : "not latest");
    return new Reply(200, shapes.response(outcome.version(), versions.latest(name).orElse(null)));
  }

  private Reply changeStatus(RestCall call, String restName, String version, JsonNode body) {
    String name = RestNames.toCatalog(restName);
    Caller caller = authenticate(call, "status", name, version);
    StatusChange change = statusChange(body);
    authorize(caller, Permission.EDIT, name, "status", version, call);
    ServerVersion changed;
    try {
      changed = versions.changeStatus(name, version, change.status(), change.message());
    } catch (VersionNotFoundException e) {
      audit.record(caller.subject(), "status", name, version, call.source(), "rejected", e.getMessage());
      throw e;
    }
    audit.record(caller.subject(), "status", name, changed.version(), call.source(), "ok",
        change.status().wire() + (change.message() == null ? "" : ": " + change.message()));
    return new Reply(200, shapes.response(changed, versions.latest(name).orElse(null)));
  }

  private Reply changeAllStatus(RestCall call, String restName, JsonNode body) {
    String name = RestNames.toCatalog(restName);
    Caller caller = authenticate(call, "status", name, null);
    StatusChange change = statusChange(body);
    authorize(caller, Permission.EDIT, name, "status", null, call);
    List<ServerVersion> changed = versions.changeAllStatus(name, change.status(), change.message());
    audit.record(caller.subject(), "status", name, "*", call.source(), "ok",
        change.status().wire() + " (" + changed.size() + " versions)"
            + (change.message() == null ? "" : ": " + change.message()));
    ServerEntry latest = versions.latest(name).orElse(null);
    ObjectNode out = json.createObjectNode();
    out.put("updatedCount", changed.size());
    ArrayNode servers = out.putArray("servers");
    changed.forEach(v -> servers.add(shapes.response(v, latest)));
    return new Reply(200, out);
  }

  private Reply auditLog(RestCall call) {
    Caller caller = tokens.verifyAuthorization(call.authorization());
    if (!caller.isAdmin()) {
      throw new PermissionDeniedException("The audit log is for admin tokens (resource '*') only");
    }
    Map<String, String> q = query(call.query());
    Instant since = time(q, "since");
    int limit = intParam(q, "limit", 100, 1, 1000);
    List<AuditRecord> records = audit.since(since == null ? Instant.now().minus(Duration.ofDays(1)) : since, limit);
    ObjectNode out = json.createObjectNode();
    out.set("records", json.valueToTree(records));
    out.putObject("metadata").put("count", records.size());
    return new Reply(200, out);
  }

  private record StatusChange(LifecycleStatus status, String message) {}

  private static StatusChange statusChange(JsonNode body) {
    JsonNode status = body.get("status");
    if (status == null || !status.isString() || !List.of("active", "deprecated", "deleted").contains(status.asString())) {
      throw new RestException(400, "status must be 'active', 'deprecated' or 'deleted'");
    }
    JsonNode message = body.get("statusMessage");
    if (message != null && !message.isNull() && (!message.isString() || message.asString().length() > 500)) {
      throw new RestException(400, "statusMessage must be a string of at most 500 characters");
    }
    return new StatusChange(LifecycleStatus.fromWire(status.asString()),
        message == null || message.isNull() ? null : message.asString());
  }

  private Caller authenticate(RestCall call, String action, String name, String version) {
    try {
      return tokens.verifyAuthorization(call.authorization());
    } catch (AuthenticationException e) {
      audit.record(null, action, name, version, call.source(), "unauthorized", e.getMessage());
      throw e;
    }
  }

  private void authorize(Caller caller, String permission, String name, String action, String version,
      RestCall call) {
    try {
      caller.require(permission, name);
    } catch (PermissionDeniedException e) {
      audit.record(caller.subject(), action, name, version, call.source(), "forbidden", e.getMessage());
      throw e;
    }
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new RestException(405, "Method " + method + " is not allowed here (allowed: " + allowed + ")");
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
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(key, value);
      } catch (IllegalArgumentException e) {
        throw new RestException(400, "The query string holds a malformed percent escape");
      }
    }
    return out;
  }

  private static int intParam(Map<String, String> q, String name, int fallback, int min, int max) {
    String raw = q.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new RestException(400, name + " must be a whole number from " + min + " to " + max);
  }

  private static boolean bool(Map<String, String> q, String name) {
    String raw = q.get(name);
    if (raw == null || raw.equals("false")) {
      return false;
    }
    if (raw.equals("true") || raw.isEmpty()) {
      return true;
    }
    throw new RestException(400, name + " must be true or false");
  }

  private static Instant time(Map<String, String> q, String name) {
    String raw = q.get(name);
    if (raw == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new RestException(400, name + " must be an RFC 3339 time such as 2025-01-01T00:00:00Z");
    }
  }
}
