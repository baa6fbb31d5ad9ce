package io.mcpplatform.registry;

import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthReport;
import io.mcpplatform.core.registry.RegistrationOutcome;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchHit;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.core.search.SearchResult;
import io.mcpplatform.core.store.Page;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.mcpplatform.registry.auth.Caller;
import io.mcpplatform.registry.auth.Permission;
import io.mcpplatform.transport.ToolFailureMapper;
import io.mcpplatform.transport.StructuredJson;
import io.mcpplatform.transport.ToolSchemas;
import io.modelcontextprotocol.common.McpTransportContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's MCP tools, with the seed's names, arguments and messages: {@code register_server},
 * {@code search_servers}, {@code get_server}, {@code check_health}, plus {@code list_servers} with paging. Every result is JSON
 * text and {@code structuredContent} matching the tool's {@code outputSchema}.
 */
public final class RegistryTools {

  static final String NO_MATCH = "No servers found matching the search criteria";
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;
  private static final int MAX_QUERY = 500;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final RegistryService service;
  private final UrlPolicy urlPolicy;
  private final ObjectMapper json;
  private final ToolSchemas schemas;
  private final HealthCheckService healthChecks;
  private final McpAccess access;

  /**
   * Tools without access control (no token needed, no rate limit), for tests of the tools themselves.
   *
   * @param service the registry use cases
   * @param urlPolicy which remote URLs registrations may use
   * @param json the mapper used for results
   */
  public RegistryTools(RegistryService service, UrlPolicy urlPolicy, ObjectMapper json) {
    this(service, urlPolicy, json, null);
  }

  /**
   * @param service the registry use cases
   * @param urlPolicy which remote URLs registrations may use
   * @param json the mapper used for results
   * @param healthChecks what {@code check_health} runs, or null to leave the tool out
   */
  public RegistryTools(RegistryService service, UrlPolicy urlPolicy, ObjectMapper json,
      HealthCheckService healthChecks) {
    this(service, urlPolicy, json, healthChecks, null);
  }

  /**
   * @param service the registry use cases
   * @param urlPolicy which remote URLs registrations may use
   * @param json the mapper used for results
   * @param healthChecks what {@code check_health} runs, or null to leave the tool out
   * @param access token checks, rate limit and audit of the tools, or null for none (tests only); with it
   *     {@code register_server} needs a bearer token and {@code audit_log} is offered to admins
   */
  public RegistryTools(RegistryService service, UrlPolicy urlPolicy, ObjectMapper json,
      HealthCheckService healthChecks, McpAccess access) {
    this.access = access;
    this.service = service;
    this.urlPolicy = urlPolicy;
    this.json = json;
    this.schemas = new ToolSchemas(json, RegistryTools.class, "/registry-schemas/", "entry.json");
    this.healthChecks = healthChecks;
  }

  /** @return how the tools' domain failures read to a caller */
  public static ToolFailureMapper failures() {
    return new RegistryFailures();
  }

  /** @return the tool specifications to serve */
  public List<SyncToolSpecification> specifications() {
    List<SyncToolSpecification> specs = new ArrayList<>(List.of(
        spec("register_server", "Register a new MCP server with the registry or update an existing registration."
            + " Needs a bearer token whose permissions cover the server_id.",
            "register_server.input.json", "register_server.output.json", false, this::register),
        spec("search_servers", "Search for MCP servers by query text, tags, or capability type. Results are"
            + " ranked by relevance; servers whose health checks fail are left out unless include_unhealthy"
            + " is true.", "search_servers.input.json", "list.output.json", true, this::search),
        spec("get_server", "Get detailed information about a specific server",
            "get_server.input.json", "entry.json", true, this::get),
        spec("list_servers", "List every registered server regardless of health, most recently updated first",
            "list_servers.input.json", "list.output.json", true, this::list)));
    if (access != null) {
      specs.add(spec("audit_log", "Read the registry's audit log of writes (who, what, when, from where),"
          + " newest first. Needs an admin bearer token.", "audit_log.input.json", "audit_log.output.json", true,
          this::auditLog));
    }
    if (healthChecks != null) {
      specs.add(spec("check_health", "Check the health status of a registered server now: speaks MCP to it and"
              + " reports status, latency, protocol version and the tools it offers",
          "check_health.input.json", "health_report.output.json", false, this::checkHealth));
    }
    return List.copyOf(specs);
  }

  private SyncToolSpecification spec(String name, String description, String input, String output,
      boolean readOnly, Function<Map<String, Object>, CallToolResult> handler) {
    return spec(name, description, input, output, readOnly, (context, args) -> handler.apply(args));
  }

  private SyncToolSpecification spec(String name, String description, String input, String output,
      boolean readOnly, BiFunction<McpTransportContext, Map<String, Object>, CallToolResult> handler) {
    Tool tool = Tool.builder()
        .name(name)
        .description(description)
        .inputSchema(schemas.load(input))
        .outputSchema(schemas.load(output))
        .annotations(new ToolAnnotations(null, readOnly, false, !readOnly, false, null))
        .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((context, request) -> {
          if (access != null) {
            access.admit(context);
          }
          return handler.apply(context, request.arguments() == null ? Map.of() : request.arguments());
        })
        .build();
  }

  private CallToolResult register(McpTransportContext context, Map<String, Object> args) {
    Caller caller = null;
    if (access != null) {
      Object id = args.get("server_id");
      Object version = args.get("version");
      caller = access.requireWrite(context, "register", Permission.PUBLISH, id instanceof String s ? s : null,
          version instanceof String v ? v : null);
    }
    RegistrationOutcome outcome;
    try {
      outcome = service.register(RegistrationRequest.fromArguments(args, urlPolicy));
    } catch (RuntimeException e) {
      if (caller != null) {
        access.audit().record(caller.subject(), "register", String.valueOf(args.get("server_id")), null,
            McpAccess.source(context), "rejected", e.getMessage());
      }
      throw e;
    }
    if (caller != null) {
      access.audit().record(caller.subject(), "register", outcome.entry().name(), outcome.entry().version(),
          McpAccess.source(context), "ok", outcome.created() ? "registered" : "updated");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", outcome.created() ? "registered" : "updated");
    body.put("message", outcome.message());
    body.put("server", json.convertValue(outcome.entry(), MAP));
    return CallToolResult.builder().addTextContent(outcome.message()).structuredContent(body).build();
  }

  private CallToolResult search(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    String query = optionalString(checks, args, "query");
    checks.text("query", query, false, 0, MAX_QUERY);
    List<String> tags = stringList(checks, args, "tags");
    String capabilityType = optionalString(checks, args, "capability_type");
    if (capabilityType != null && !capabilityType.equals("tool") && !capabilityType.equals("resource")) {
      checks.fail("capability_type", "must be 'tool' or 'resource'");
    }
    Object rawUnhealthy = args.get("include_unhealthy");
    if (rawUnhealthy != null && !(rawUnhealthy instanceof Boolean)) {
      checks.fail("include_unhealthy", "must be true or false");
    }
    String healthStatus = optionalString(checks, args, "health_status");
    if (healthStatus != null && !List.of("healthy", "unhealthy", "unknown", "refused").contains(healthStatus)) {
      checks.fail("health_status", "must be 'healthy', 'unhealthy', 'unknown' or 'refused'");
    }
    int limit = limit(checks, args);
    int offset = Cursors.decodeOffset(checks, optionalString(checks, args, "cursor"));
    checks.throwIfAny();
    SearchResult result = service.search(new SearchQuery(query, tags, capabilityType, healthStatus,
        Boolean.TRUE.equals(rawUnhealthy), offset, limit));
    ObjectNode body = json.createObjectNode();
    ArrayNode servers = body.putArray("servers");
    for (SearchHit hit : result.hits()) {
      ObjectNode server = tree(hit.entry());
      server.put("score", Math.round(hit.score() * 1000.0) / 1000.0);
      ObjectNode match = server.putObject("match");
      hit.match().lexical().forEach(match.putArray("lexical")::add);
      hit.match().semantic().forEach(match.putArray("semantic")::add);
      servers.add(server);
    }
    body.put("total", result.total());
    if (result.nextOffset() != null) {
      body.put("nextCursor", Cursors.encodeOffset(result.nextOffset()));
    }
    StructuredJson structured = StructuredJson.of(json, body);
    String text = servers.isEmpty() ? NO_MATCH : structured.text();
    return CallToolResult.builder().addTextContent(text).structuredContent(structured).build();
  }

  private CallToolResult get(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    String id = optionalString(checks, args, "server_id");
    checks.text("server_id", id, true, 1, 200);
    checks.throwIfAny();
    return service.get(id)
        .map(entry -> {
          StructuredJson body = StructuredJson.of(json, tree(entry));
          return CallToolResult.builder().addTextContent(body.text()).structuredContent(body).build();
        })
        .orElseGet(() -> CallToolResult.builder()
            .addTextContent("Server with ID '" + id + "' not found").isError(true).build());
  }

  private CallToolResult checkHealth(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    String id = optionalString(checks, args, "server_id");
    checks.text("server_id", id, true, 1, 200);
    checks.throwIfAny();
    HealthReport report = healthChecks.check(id);
    Map<String, Object> body = json.convertValue(report, MAP);
    return CallToolResult.builder().addTextContent(report.message()).structuredContent(body).build();
  }

  private CallToolResult auditLog(McpTransportContext context, Map<String, Object> args) {
    access.requireAdmin(context);
    FieldChecks checks = new FieldChecks();
    String since = optionalString(checks, args, "since");
    Instant from = Instant.now().minusSeconds(86_400);
    if (since != null) {
      try {
        from = OffsetDateTime.parse(since.trim()).toInstant();
      } catch (DateTimeParseException e) {
        checks.fail("since", "must be an RFC 3339 time such as 2025-01-01T00:00:00Z");
      }
    }
    int limit = limit(checks, args);
    checks.throwIfAny();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("records", json.convertValue(access.audit().since(from, limit), new TypeReference<List<Object>>() {}));
    return CallToolResult.builder().addTextContent(compact(body)).structuredContent(body).build();
  }

  private CallToolResult list(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    int limit = limit(checks, args);
    String cursor = optionalString(checks, args, "cursor");
    checks.throwIfAny();
    Page<ServerEntry> page;
    try {
      page = service.list(cursor, limit);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("cursor", "is not a cursor this registry issued; pass nextCursor"
          + " from a previous list_servers result");
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode servers = body.putArray("servers");
    page.items().forEach(entry -> servers.add(tree(entry)));
    if (page.nextCursor() != null) {
      body.put("nextCursor", page.nextCursor());
    }
    StructuredJson structured = StructuredJson.of(json, body);
    return CallToolResult.builder().addTextContent(structured.text()).structuredContent(structured).build();
  }

  private ObjectNode tree(ServerEntry entry) {
    return json.valueToTree(entry);
  }

  /** Compact JSON: the text goes to models, whose bill grows with every space. */
  private String compact(Object body) {
    return json.writeValueAsString(body);
  }

  private static int limit(FieldChecks checks, Map<String, Object> args) {
    Object raw = args.get("limit");
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.longValue() >= 1 && n.longValue() <= MAX_LIMIT) {
      return n.intValue();
    }
    checks.fail("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    return DEFAULT_LIMIT;
  }

  private static String optionalString(FieldChecks checks, Map<String, Object> args, String field) {
    Object raw = args.get(field);
    if (raw == null || raw instanceof String) {
      return (String) raw;
    }
    checks.fail(field, "must be a string");
    return null;
  }

  private static List<String> stringList(FieldChecks checks, Map<String, Object> args, String field) {
    Object raw = args.get(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list) || list.size() > RegistrationRequest.MAX_TAGS
        || !list.stream().allMatch(t -> t instanceof String s && !s.isBlank()
            && s.length() <= RegistrationRequest.MAX_TAG_LENGTH)) {
      checks.fail(field, "must be an array of at most " + RegistrationRequest.MAX_TAGS
          + " non-blank strings of at most " + RegistrationRequest.MAX_TAG_LENGTH + " characters");
      return List.of();
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** Opaque search cursors: the offset of the next page, base64url-encoded with a prefix. */
  static final class Cursors {
    private static final String PREFIX = "search:";

    private Cursors() {}

    static String encodeOffset(int offset) {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decodeOffset(FieldChecks checks, String cursor) {
      if (cursor == null) {
        return 0;
      }
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (raw.startsWith(PREFIX)) {
          int offset = Integer.parseInt(raw.substring(PREFIX.length()));
          if (offset >= 0) {
            return offset;
          }
        }
      } catch (IllegalArgumentException e) {
        // falls through to the field error below
      }
      checks.fail("cursor", "is not a cursor this registry issued; pass nextCursor from a previous result");
      return 0;
    }
  }
}
