package io.mcpplatform.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One MCP server over Streamable HTTP, stateless: every POST carries one JSON-RPC message and gets
 * one answer (notifications and responses get 202), no session ids. The answer is {@code
 * application/json}, or, when the client accepts {@code text/event-stream} and asked for progress
 * ({@code params._meta.progressToken}), an event stream: the call's {@code notifications/progress}
 * as they happen, then the response, then the end ({@link ResponseMode} can force either form).
 * Protocol versions 2025-03-26, 2025-06-18 and 2025-11-25.
 *
 * <p>The MCP Java SDK's {@link HttpServletStatelessServerTransport} does the MCP work. This servlet
 * stands in front of it and checks method, Host/Origin (optional), {@code MCP-Protocol-Version},
 * {@code Accept}, {@code Content-Type}, body size (bounded read) and JSON-RPC shape itself, so that
 * every error is a JSON-RPC error object with a fitting HTTP status; then it screens the SDK's
 * answer so that no serialized exception, stack trace or class name ever reaches a client.
 *
 * <p>Build one with {@link #builder(String, String)}; host it with a {@link Route}.
 */
public final class StatelessMcpServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StatelessMcpServlet.class);

  /** Protocol versions this server speaks, oldest first. */
  public static final List<String> PROTOCOL_VERSIONS =
      List.of("2025-03-26", "2025-06-18", "2025-11-25");

  /** Default bound on a request body: 1 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

  private static final Set<String> SUPPORTED_VERSIONS = Set.copyOf(PROTOCOL_VERSIONS);
  private static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

  /** Most of a refused body read and dropped before answering (see {@code drain}). */
  private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  private final transient HttpServletStatelessServerTransport transport;
  private final transient McpStatelessSyncServer server;
  private final transient HostGuard hostGuard;
  private final ResponseMode responseMode;
  private final int maxRequestBytes;

  private StatelessMcpServlet(Builder builder) {
    this.maxRequestBytes = builder.maxRequestBytes;
    this.hostGuard = builder.hostGuard;
    this.responseMode = builder.responseMode;
    this.transport =
        HttpServletStatelessServerTransport.builder()
            .messageEndpoint(SdkRequest.ENDPOINT)
            .maxRequestSize(builder.maxRequestBytes)
            .contextExtractor(ProgressContext.wrap(builder.contextExtractor))
            .build();
    McpServer.StatelessSyncSpecification spec =
        McpServer.sync(transport)
            .serverInfo(builder.name, builder.version)
            // the servlet thread blocks for the answer anyway: run tools on it, not on a reactor
            // pool
            .immediateExecution(true)
            // the SDK's checks of arguments and structured results, each schema compiled once
            .jsonSchemaValidator(new CompiledSchemaValidator())
            // a stateless server can never send notifications/tools/list_changed
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(SafeTools.guardAll(builder.tools, builder.failureMapper));
    if (builder.instructions != null) {
      spec.instructions(builder.instructions);
    }
    this.server = spec.build();
  }

  /**
   * Starts describing an MCP server.
   *
   * @param name server name advertised in {@code initialize} ({@code serverInfo.name})
   * @param version server version advertised in {@code initialize}
   * @return a builder
   */
  public static Builder builder(String name, String version) {
    return new Builder(name, version);
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    transport.init(config);
  }

  @Override
  public void destroy() {
    server.close();
    transport.destroy();
    super.destroy();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      handle(request, response);
    } catch (RuntimeException | ServletException e) {
      String ref = JsonRpcErrors.newReference();
      LOG.error("MCP request failed (ref {})", ref, e);
      JsonRpcErrors.write(
          response, 500, null, JsonRpcErrors.INTERNAL_ERROR, "Internal error (ref " + ref + ")");
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (hostGuard != null) {
      HostGuard.Rejection rejection = hostGuard.check(request);
      if (rejection != null) {
        reject(response, rejection.httpStatus(), rejection.message());
        return;
      }
    }
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      reject(response, 405, "Method not allowed: this stateless MCP endpoint accepts POST only");
      return;
    }
    String version = headerValue(request, PROTOCOL_VERSION_HEADER);
    if (version != null && !SUPPORTED_VERSIONS.contains(version)) {
      reject(
          response,
          400,
          "Bad Request: unsupported MCP-Protocol-Version (supported: "
              + String.join(", ", PROTOCOL_VERSIONS)
              + ")");
      return;
    }
    if (!MediaTypes.acceptsJson(request)) {
      reject(response, 406, "Not Acceptable: the Accept header must allow application/json");
      return;
    }
    if (!MediaTypes.isJson(request.getContentType())) {
      reject(response, 415, "Unsupported Media Type: Content-Type must be application/json");
      return;
    }
    if (request.getContentLengthLong() > maxRequestBytes) {
      drain(request);
      reject(response, 413, tooLarge());
      return;
    }
    byte[] body;
    try {
      body = BoundedBody.read(request.getInputStream(), maxRequestBytes);
    } catch (BoundedBody.TooLargeException e) {
      drain(request);
      reject(response, 413, tooLarge());
      return;
    }
    JsonNode root;
    try {
      root = JsonRpcErrors.MAPPER.readTree(body);
    } catch (JacksonException e) {
      JsonRpcErrors.write(
          response,
          400,
          null,
          JsonRpcErrors.PARSE_ERROR,
          "Parse error: the body is not valid JSON");
      return;
    }
    IncomingMessage incoming = IncomingMessage.classify(root);
    switch (incoming.kind()) {
      case INVALID:
        JsonRpcErrors.write(response, 400, incoming.id(), incoming.code(), incoming.problem());
        return;
      case RESPONSE:
        accepted(response);
        return;
      default:
        break;
    }
    SdkRequest sdkRequest = new SdkRequest(request, body);
    EventStream events = null;
    if (incoming.kind() == IncomingMessage.Kind.REQUEST) {
      JsonNode token = ProgressNotifier.token(root);
      // an outer transport (a legacy SSE session) carries the notifications itself
      MessageSink notifications =
          request.getAttribute(MessageSink.ATTRIBUTE) instanceof MessageSink outer ? outer : null;
      if (notifications == null && streams(request, token)) {
        events = EventStream.open(response);
        notifications = events;
      }
      if (token != null && notifications != null) {
        sdkRequest.setAttribute(
            ProgressContext.ATTRIBUTE, new ProgressNotifier(token, notifications));
      }
    }
    CapturedResponse captured = new CapturedResponse(response);
    try {
      transport.service(sdkRequest, captured);
    } catch (RuntimeException | ServletException e) {
      if (events == null) {
        throw e;
      }
      String ref = JsonRpcErrors.newReference();
      LOG.error("MCP request failed (ref {})", ref, e);
      events.send(
          JsonRpcErrors.errorBytes(
              incoming.id(), JsonRpcErrors.INTERNAL_ERROR, "Internal error (ref " + ref + ")"));
      return;
    }
    if (incoming.kind() == IncomingMessage.Kind.NOTIFICATION) {
      if (captured.capturedStatus() / 100 != 2) {
        LOG.warn(
            "MCP SDK answered status {} to notification {}",
            captured.capturedStatus(),
            incoming.method());
      }
      accepted(response);
      return;
    }
    ResponseScreen.Answer answer = ResponseScreen.screen(incoming, captured);
    if (events != null) {
      // the status line is sent: an error answer travels as its JSON-RPC error event
      events.send(answer.json());
      return;
    }
    JsonRpcErrors.writeJson(response, answer.httpStatus(), answer.json());
  }

  private boolean streams(HttpServletRequest request, JsonNode progressToken) {
    switch (responseMode) {
      case JSON:
        return false;
      case SSE:
        return MediaTypes.acceptsEventStream(request);
      default:
        return progressToken != null && MediaTypes.acceptsEventStream(request);
    }
  }

  /**
   * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT}: a server that
   * closes a connection with unread request bytes in it resets the connection, and the client may
   * then lose the 413 (seen as "connection reset" instead). Past the limit the connection is closed
   * anyway.
   */
  private static void drain(HttpServletRequest request) {
    byte[] buffer = new byte[8192];
    long read = 0;
    try {
      InputStream in = request.getInputStream();
      int n;
      while (read < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
        read += n;
      }
    } catch (IOException e) {
      // the client went away or the body is broken: the refusal is written anyway
    }
  }

  private String tooLarge() {
    return "Payload too large: the request body exceeds " + maxRequestBytes + " bytes";
  }

  private static void reject(HttpServletResponse response, int status, String message)
      throws IOException {
    JsonRpcErrors.write(response, status, null, JsonRpcErrors.SERVER_ERROR, message);
  }

  private static void accepted(HttpServletResponse response) throws IOException {
    response.setStatus(202);
    response.setContentLength(0);
    response.flushBuffer();
  }

  private static String headerValue(HttpServletRequest request, String name) {
    String value = request.getHeader(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Describes one stateless MCP server. */
  public static final class Builder {
    private final String name;
    private final String version;
    private String instructions;
    private List<SyncToolSpecification> tools = List.of();
    private ToolFailureMapper failureMapper = ToolFailureMapper.NONE;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private HostGuard hostGuard;
    private McpTransportContextExtractor<HttpServletRequest> contextExtractor;
    private ResponseMode responseMode = ResponseMode.fromEnvironment();

    private Builder(String name, String version) {
      if (name == null || name.isBlank() || version == null || version.isBlank()) {
        throw new IllegalArgumentException("name and version are required");
      }
      this.name = name;
      this.version = version;
    }

    /**
     * @param instructions text for the client's model, advertised in {@code initialize}; null for
     *     none
     * @return this builder
     */
    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    /**
     * @param tools the tools; each handler is wrapped by {@link SafeTools#guard}
     * @return this builder
     */
    public Builder tools(List<SyncToolSpecification> tools) {
      this.tools = List.copyOf(tools);
      return this;
    }

    /**
     * @param mapper turns a tool's exceptions into client-safe text (default: none known)
     * @return this builder
     */
    public Builder toolFailureMapper(ToolFailureMapper mapper) {
      if (mapper == null) {
        throw new IllegalArgumentException("mapper must not be null");
      }
      this.failureMapper = mapper;
      return this;
    }

    /**
     * @param maxRequestBytes largest accepted request body (default 1 MiB); larger bodies get 413
     * @return this builder
     */
    public Builder maxRequestBytes(int maxRequestBytes) {
      if (maxRequestBytes <= 0) {
        throw new IllegalArgumentException("maxRequestBytes must be positive");
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /**
     * @param hostGuard DNS-rebinding protection, or null (the default) for none
     * @return this builder
     */
    public Builder hostGuard(HostGuard hostGuard) {
      this.hostGuard = hostGuard;
      return this;
    }

    /**
     * @param extractor copies request details (headers, say) into the tools' {@link
     *     McpTransportContext}
     * @return this builder
     */
    public Builder contextExtractor(McpTransportContextExtractor<HttpServletRequest> extractor) {
      this.contextExtractor = extractor;
      return this;
    }

    /**
     * @param mode how POSTs are answered (default: {@code MCP_RESPONSE_MODE}, else {@link
     *     ResponseMode#AUTO})
     * @return this builder
     */
    public Builder responseMode(ResponseMode mode) {
      if (mode == null) {
        throw new IllegalArgumentException("mode must not be null");
      }
      this.responseMode = mode;
      return this;
    }

    /**
     * @return the servlet, with its MCP server built
     */
    public StatelessMcpServlet build() {
      return new StatelessMcpServlet(this);
    }
  }
}
