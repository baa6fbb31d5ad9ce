package io.mcpplatform.registry;

import io.mcpplatform.core.access.Access;
import io.mcpplatform.core.access.AuditTrail;
import io.mcpplatform.core.catalog.Arguments;
import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthReport;
import io.mcpplatform.core.registry.RegistrationOutcome;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryOperations;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchHit;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.core.search.SearchResult;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.transport.ProgressSink;
import io.mcpplatform.transport.StructuredJson;
import io.mcpplatform.transport.ToolFailureMapper;
import io.mcpplatform.transport.ToolSchemas;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's MCP tools, with the seed's names, arguments and messages: {@code register_server},
 * {@code search_servers}, {@code get_server}, {@code check_health}, plus {@code list_servers} with
 * paging. Every result is JSON text and {@code structuredContent} matching the tool's {@code
 * outputSchema}.
 */
public final class RegistryTools {

  static final String NO_MATCH = "No servers found matching the search criteria";
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;
  private static final int MAX_QUERY = 500;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final RegistryOperations operations;
  private final ObjectMapper json;
  private final ToolSchemas schemas;
  private final McpAccess access;

  /**
   * Tools without access control (no token needed, no rate limit, nothing audited), for tests of
   * the tools themselves.
   *
   * @param service the registry use cases
   * @param urlPolicy which remote URLs registrations may use
   * @param json the mapper used for results
   */
  public RegistryTools(RegistryService service, UrlPolicy urlPolicy, ObjectMapper json) {
    this(service, urlPolicy, json, null);
  }

  /**
   * Tools without access control, for tests of the tools themselves.
   *
   * @param service the registry use cases
   * @param urlPolicy which remote URLs registrations may use
   * @param json the mapper used for results
   * @param healthChecks what {@code check_health} runs, or null to leave the tool out
   */
  public RegistryTools(
      RegistryService service,
      UrlPolicy urlPolicy,
      ObjectMapper json,
      HealthCheckService healthChecks) {
    this(new RegistryOperations(service, urlPolicy, null, healthChecks, null), json, null);
  }

  /**
   * @param operations the registry's operations, which authorize and audit
   * @param json the mapper used for results
   * @param access token checks and rate limit of the tools, or null for none (tests only: every
   *     call is then trusted); with it {@code register_server} needs a bearer token and {@code
   *     audit_log} is offered
   */
  public RegistryTools(RegistryOperations operations, ObjectMapper json, McpAccess access) {
    this.operations = operations;
    this.access = access;
    this.json = json;
    this.schemas = new ToolSchemas(json, RegistryTools.class, "/registry-schemas/", "entry.json");
  }

  /**
   * @return how the tools' domain failures read to a caller
   */
  public static ToolFailureMapper failures() {
    return new RegistryFailures();
  }

  /**
   * @return the tool specifications to serve
   */
  public List<SyncToolSpecification> specifications() {
    List<SyncToolSpecification> specs =
        new ArrayList<>(
            List.of(
                spec(
                    "register_server",
                    "Register a new MCP server with the registry or update an existing registration."
                        + " Needs a bearer token whose permissions cover the server_id.",
                    "register_server.input.json",
                    "register_server.output.json",
                    false,
                    this::register),
                spec(
                    "search_servers",
                    "Search for MCP servers by query text, tags, or capability type. Results are"
                        + " ranked by relevance; servers whose health checks fail are left out unless include_unhealthy"
                        + " is true.",
                    "search_servers.input.json",
                    "list.output.json",
                    true,
                    this::search),
                spec(new GetServerTool(operations.service(), json)),
                spec(
                    "list_servers",
                    "List every registered server regardless of health, most recently updated first",
                    "list_servers.input.json",
                    "list.output.json",
                    true,
                    this::list)));
    if (access != null) {
      specs.add(
          spec(
              "audit_log",
              "Read the registry's audit log of writes (who, what, when, from where),"
                  + " newest first. Needs an admin bearer token.",
              "audit_log.input.json",
              "audit_log.output.json",
              true,
              this::auditLog));
    }
    if (operations.canCheckHealth()) {
      specs.add(
          spec(
              "check_health",
              "Check the health status of a registered server now: speaks MCP to it and"
                  + " reports status, latency, protocol version and the tools it offers. The result is recorded when"
                  + " the bearer token may publish the server (or is an admin's); otherwise nothing is recorded",
              "check_health.input.json",
              "health_report.output.json",
              false,
              this::checkHealth));
    }
    return List.copyOf(specs);
  }

  private SyncToolSpecification spec(RegistryTool tool) {
    return spec(
        tool.name(),
        tool.description(),
        tool.inputSchema(),
        tool.outputSchema(),
        tool.readOnly(),
        tool::call);
  }

  private SyncToolSpecification spec(
      String name,
      String description,
      String input,
      String output,
      boolean readOnly,
      Function<Map<String, Object>, CallToolResult> handler) {
    return spec(name, description, input, output, readOnly, (context, args) -> handler.apply(args));
  }

  private SyncToolSpecification spec(
      String name,
      String description,
      String input,
      String output,
      boolean readOnly,
      BiFunction<McpTransportContext, Map<String, Object>, CallToolResult> handler) {
    Tool tool =
        Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(schemas.load(input))
            .outputSchema(schemas.load(output))
            .annotations(new ToolAnnotations(null, readOnly, false, !readOnly, false, null))
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (context, request) -> {
              if (access != null) {
                access.admit(context);
              }
              return handler.apply(
                  context, request.arguments() == null ? Map.of() : request.arguments());
            })
        .build();
  }

  private Access access(McpTransportContext context) {
    return access == null ? Access.trusted() : access.access(context);
  }

  private CallToolResult register(McpTransportContext context, Map<String, Object> args) {
    RegistrationOutcome outcome = operations.register(access(context), args);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", outcome.created() ? "registered" : "updated");
    body.put("message", outcome.message());
    body.put("server", json.convertValue(outcome.entry(), MAP));
    return CallToolResult.builder()
        .addTextContent(outcome.message())
        .structuredContent(body)
        .build();
  }

  private CallToolResult search(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(args, checks);
    String query = arguments.string("query");
    checks.text("query", query, false, 0, MAX_QUERY);
    List<String> tags =
        arguments.stringList(
            "tags", RegistrationRequest.MAX_TAGS, RegistrationRequest.MAX_TAG_LENGTH);
    String capabilityType = arguments.oneOf("capability_type", List.of("tool", "resource"));
    Object rawUnhealthy = args.get("include_unhealthy");
    if (rawUnhealthy != null && !(rawUnhealthy instanceof Boolean)) {
      checks.fail("include_unhealthy", "must be true or false");
    }
    String healthStatus =
        arguments.oneOf("health_status", List.of("healthy", "unhealthy", "unknown", "refused"));
    int limit = arguments.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Cursors.decodeOffset(checks, arguments.string("cursor"));
    checks.throwIfAny();
    SearchResult result =
        operations
            .service()
            .search(
                new SearchQuery(
                    query,
                    tags,
                    capabilityType,
                    healthStatus,
                    Boolean.TRUE.equals(rawUnhealthy),
                    offset,
                    limit));
    ObjectNode body = json.createObjectNode();
    ArrayNode servers = body.putArray("servers");
    for (SearchHit hit : result.hits()) {
      ObjectNode server = tree(hit.entry().withoutInputSchemas());
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

  /**
   * Reads and checks the {@code server_id} argument the tools that name one server share.
   *
   * @param args the tool's arguments
   * @return the server id
   * @throws ValidationException naming the field when it is missing or not a valid id
   */
  static String serverId(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    String id = new Arguments(args, checks).string("server_id");
    checks.text("server_id", id, true, 1, 200);
    checks.throwIfAny();
    return id;
  }

  private CallToolResult checkHealth(McpTransportContext context, Map<String, Object> args) {
    String id = serverId(args);
    HealthReport report =
        operations.checkHealth(access(context), id, ProgressSink.of(context)::report);
    Map<String, Object> body = json.convertValue(report, MAP);
    return CallToolResult.builder()
        .addTextContent(report.message())
        .structuredContent(body)
        .build();
  }

  private CallToolResult auditLog(McpTransportContext context, Map<String, Object> args) {
    Access caller = access(context);
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(args, checks);
    Instant since = arguments.time("since");
    Instant from = since != null ? since : Instant.now().minusSeconds(86_400);
    int limit = arguments.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    checks.throwIfAny();
    AuditTrail.Page page = operations.auditLog(caller, from, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("records", json.convertValue(page.records(), new TypeReference<List<Object>>() {}));
    if (page.truncated()) {
      body.put("truncated", true);
    }
    return CallToolResult.builder().addTextContent(compact(body)).structuredContent(body).build();
  }

  private CallToolResult list(Map<String, Object> args) {
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(args, checks);
    int limit = arguments.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    String cursor = arguments.string("cursor");
    checks.throwIfAny();
    Page<ServerEntry> page;
    try {
      page = operations.service().list(cursor, limit);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          "cursor",
          "is not a cursor this registry issued; pass nextCursor"
              + " from a previous list_servers result");
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode servers = body.putArray("servers");
    page.items().forEach(entry -> servers.add(tree(entry.withoutInputSchemas())));
    if (page.nextCursor() != null) {
      body.put("nextCursor", page.nextCursor());
    }
    StructuredJson structured = StructuredJson.of(json, body);
    return CallToolResult.builder()
        .addTextContent(structured.text())
        .structuredContent(structured)
        .build();
  }

  private ObjectNode tree(ServerEntry entry) {
    return json.valueToTree(entry);
  }

  /** Compact JSON: the text goes to models, whose bill grows with every space. */
  private String compact(Object body) {
    return json.writeValueAsString(body);
  }

  /** Opaque search cursors: the offset of the next page, base64url-encoded with a prefix. */
  static final class Cursors {
    private static final String PREFIX = "search:";

    private Cursors() {}

    static String encodeOffset(int offset) {
      return Base64.getUrlEncoder()
          .withoutPadding()
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
      checks.fail(
          "cursor", "is not a cursor this registry issued; pass nextCursor from a previous result");
      return 0;
    }
  }
}
