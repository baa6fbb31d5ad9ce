package io.mcpplatform.mcpclient;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The client side of one MCP session (MCP 2025-11-25, answering servers back to 2024-11-05),
 * blocking, over Streamable HTTP or the legacy HTTP+SSE transport. Shared by the command-line
 * client and the health checker's probe.
 *
 * <p>{@link #initialize()} offers the newest protocol version and refuses an answer with a version
 * this client does not speak. Requests wait for their response, answering the server's own requests
 * on the way ({@code ping}; anything else is refused with "method not found", since the client
 * declares no capabilities) and passing {@code notifications/progress} to the request's {@link
 * ProgressListener}. A request that runs out of time is cancelled ({@code
 * notifications/cancelled}); a session the server no longer knows (404) is re-initialized once.
 *
 * <p>Bounds: every connection goes to the address the {@link HostResolver} gave once per session;
 * each request has a time-out and a byte bound, optionally inside a session-wide allowance.
 * Redirects are never followed. Header values (credentials) are sent, never logged or put in
 * messages. Thread-safe.
 */
public final class McpSession implements AutoCloseable {

  /** The protocol versions this client speaks, newest first; the newest is offered. */
  public static final List<String> PROTOCOL_VERSIONS =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  /** Default bound on one answer (a JSON body or an event stream up to the response). */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L * 1024 * 1024;

  private static final int METHOD_NOT_FOUND = -32601;

  private final Endpoint endpoint;
  private final Wire wire;
  private final long requestMillis;
  private final long maxMessageBytes;
  private final Budget session;
  private final Map<String, Object> initializeParams;
  private final AtomicLong ids = new AtomicLong();

  private McpSession(Builder b) {
    String agent = b.clientName + "/" + b.clientVersion;
    this.endpoint =
        new Endpoint(
            b.uri, b.headers, b.resolver, (int) b.connectTimeout.toMillis(), b.sslContext, agent);
    this.wire =
        b.transport == McpTransport.SSE
            ? new LegacySseWire(endpoint)
            : new StreamableHttpWire(endpoint);
    this.requestMillis = b.requestTimeout.toMillis();
    this.maxMessageBytes = b.maxMessageBytes;
    this.session =
        b.totalTimeout == null ? null : Budget.of(b.totalTimeout.toMillis(), b.maxTotalBytes);
    this.initializeParams =
        Map.of(
            "protocolVersion",
            PROTOCOL_VERSIONS.get(0),
            "capabilities",
            Map.of(),
            "clientInfo",
            Map.of("name", b.clientName, "version", b.clientVersion));
  }

  /**
   * @param endpoint the MCP endpoint (Streamable HTTP) or the SSE URL (legacy transport), http or
   *     https
   * @return a builder with the defaults: Streamable HTTP, 5 s connect, 30 s per request, 16 MB per
   *     answer
   * @throws IllegalArgumentException when the URL is not http(s) or has no usable host
   */
  public static Builder builder(URI endpoint) {
    Origin.of(endpoint);
    return new Builder(endpoint);
  }

  /**
   * Runs the code of a first exchange that needs no server (JSON written and read, an HTTP response
   * and an event stream parsed) so that a caller can do it on a spare core before it connects.
   * Opens no connection.
   */
  public static void warmUp() {
    byte[] body =
        Json.write(Map.of("jsonrpc", "2.0", "id", 1L, "result", Map.of("protocolVersion", "x")));
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    String event =
        "id: 1\ndata: " + new String(body, java.nio.charset.StandardCharsets.UTF_8) + "\n\n";
    String chunked = Integer.toHexString(event.length()) + "\r\n" + event + "\r\n0\r\n\r\n";
    try {
      HttpResponse response =
          HttpResponse.read(
              new java.io.ByteArrayInputStream(
                  (head + chunked).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              false);
      SseReader.Event e = new SseReader(response.body).next();
      Json.parse(e == null ? "{}" : e.data());
    } catch (IOException | RuntimeException e) {
      // the first session does the same work itself
    }
  }

  /**
   * The handshake: {@code initialize}, a check of the version the server chose, {@code
   * notifications/initialized}.
   *
   * @return the server's {@code InitializeResult}
   * @throws McpException when the server cannot be reached, refuses, or speaks no version this
   *     client does
   */
  public Map<String, Object> initialize() {
    wire.reset();
    endpoint.protocolVersion(null);
    Map<String, Object> result = exchange("initialize", initializeParams, null);
    String version = Json.string(result, "protocolVersion");
    if (version == null || !PROTOCOL_VERSIONS.contains(version)) {
      wire.close();
      throw McpException.protocol(
          "the server answered with MCP protocol version "
              + (version == null ? "(none)" : HttpResponse.clip(version, 40))
              + "; this client speaks "
              + String.join(", ", PROTOCOL_VERSIONS));
    }
    endpoint.protocolVersion(version);
    try {
      notify("notifications/initialized", null);
    } catch (McpException e) {
      wire.close();
      throw e;
    }
    return result;
  }

  /**
   * Sends a request and waits for its answer; a session the server has forgotten is re-initialized
   * once.
   *
   * @param method the JSON-RPC method
   * @param params its params, nullable
   * @return the {@code result} of the answer
   * @throws McpException when there is no result: the server answered with an error, failed, or
   *     took too long
   */
  public Map<String, Object> request(String method, Map<String, Object> params) {
    return request(method, params, null);
  }

  /**
   * As {@link #request(String, Map)}, asking the server for progress notifications.
   *
   * @param method the JSON-RPC method
   * @param params its params, nullable
   * @param progress receives the request's progress notifications; null asks for none
   * @return the {@code result} of the answer
   * @throws McpException when there is no result
   */
  public Map<String, Object> request(
      String method, Map<String, Object> params, ProgressListener progress) {
    try {
      return exchange(method, params, progress);
    } catch (Wire.SessionExpired e) {
      initialize();
      return exchange(method, params, progress);
    }
  }

  /**
   * @return the protocol version agreed in {@link #initialize()}, null before
   */
  public String protocolVersion() {
    return endpoint.protocolVersion();
  }

  /**
   * Ends the session on the server (Streamable HTTP: DELETE with the session id) or closes the
   * stream.
   */
  @Override
  public void close() {
    wire.close();
  }

  private Budget budget() {
    return session == null
        ? Budget.of(requestMillis, maxMessageBytes)
        : session.request(requestMillis, maxMessageBytes);
  }

  private Map<String, Object> exchange(
      String method, Map<String, Object> params, ProgressListener progress) {
    long id = ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("id", id);
    message.put("method", method);
    Map<String, Object> sent = progress == null ? params : withProgressToken(params, id);
    if (sent != null) {
      message.put("params", sent);
    }
    Map<String, Object> response;
    try {
      response = wire.exchange(message, method, budget(), m -> handle(m, id, progress));
    } catch (McpException e) {
      if (e.kind() == McpException.Kind.TIMEOUT) {
        cancel(id, method);
      }
      throw e;
    }
    Map<String, Object> error = Json.object(response.get("error"));
    if (error != null) {
      String text = Json.string(error, "message");
      Integer code = error.get("code") instanceof Number n ? n.intValue() : null;
      throw new McpException(
          McpException.Kind.RPC_ERROR,
          text != null && !text.isBlank() ? HttpResponse.clip(text, 500) : "error " + code,
          false,
          code,
          null);
    }
    Map<String, Object> result = Json.object(response.get("result"));
    if (result == null) {
      throw McpException.protocol("the server's answer to " + method + " has no result object");
    }
    return result;
  }

  private static Map<String, Object> withProgressToken(Map<String, Object> params, long token) {
    Map<String, Object> copy = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
    Map<String, Object> meta = Json.object(copy.get("_meta"));
    Map<String, Object> merged = meta == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta);
    merged.put("progressToken", token);
    copy.put("_meta", merged);
    return copy;
  }

  /**
   * Goes through one message (or batch) from the server: answers its requests, passes on progress,
   * and returns the response to request {@code id} if the message holds it.
   */
  private Map<String, Object> handle(Object message, long id, ProgressListener progress) {
    List<Object> batch = Json.array(message);
    if (batch != null) {
      Map<String, Object> found = null;
      for (Object m : batch) {
        Map<String, Object> r = handle(m, id, progress);
        found = found == null ? r : found;
      }
      return found;
    }
    Map<String, Object> object = Json.object(message);
    if (object == null) {
      return null;
    }
    Object method = object.get("method");
    if (method != null) {
      Object requestId = object.get("id");
      if (requestId != null) {
        answerServer(String.valueOf(method), requestId);
      } else if (progress != null && "notifications/progress".equals(method)) {
        progress(Json.object(object.get("params")), id, progress);
      }
      return null;
    }
    boolean answers = object.containsKey("result") || object.containsKey("error");
    return answers
            && object.get("id") instanceof Number n
            && !(n instanceof Double)
            && n.longValue() == id
        ? object
        : null;
  }

  private static void progress(Map<String, Object> params, long token, ProgressListener listener) {
    if (params != null
        && params.get("progressToken") instanceof Number n
        && n.longValue() == token
        && params.get("progress") instanceof Number done) {
      Double total = params.get("total") instanceof Number t ? t.doubleValue() : null;
      String text = Json.string(params, "message");
      listener.onProgress(
          done.doubleValue(), total, text == null ? null : HttpResponse.clip(text, 500));
    }
  }

  private void answerServer(String method, Object requestId) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jsonrpc", "2.0");
    answer.put("id", requestId);
    if ("ping".equals(method)) {
      answer.put("result", Map.of());
    } else {
      answer.put(
          "error",
          Map.of(
              "code",
              METHOD_NOT_FOUND,
              "message",
              "Method not found: " + HttpResponse.clip(method, 100)));
    }
    wire.send(answer, "the answer to the server's " + HttpResponse.clip(method, 100), budget());
  }

  private void notify(String method, Map<String, Object> params) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    if (params != null) {
      message.put("params", params);
    }
    wire.send(message, method, budget());
  }

  /**
   * Tells the server to stop working on a request the client gave up on; best effort, off the
   * caller's thread.
   */
  private void cancel(long id, String method) {
    if ("initialize".equals(method) || session != null && session.expired()) {
      return;
    }
    Map<String, Object> params =
        Map.of(
            "requestId", id, "reason", "The client timed out after " + requestMillis / 1000 + " s");
    Thread t =
        new Thread(
            () -> {
              try {
                notify("notifications/cancelled", params);
              } catch (RuntimeException e) {
                // the server ends the request by itself when the client is gone
              }
            },
            "mcp-cancel");
    t.setDaemon(true);
    t.start();
  }

  /** The failure for an I/O error while exchanging messages. */
  static McpException ioFailure(IOException e) {
    String reason;
    if (e instanceof SocketException) {
      reason = "the connection was closed or reset by the server";
    } else {
      String message = e.getMessage();
      reason =
          message == null || message.isBlank()
              ? "the connection failed (" + e.getClass().getSimpleName() + ")"
              : HttpResponse.clip(message, 200);
    }
    return new McpException(McpException.Kind.CONNECT, reason, true, null, e);
  }

  /**
   * How a session connects; {@link #build()} makes it (no connection is opened before {@link
   * #initialize()}).
   */
  public static final class Builder {
    private final URI uri;
    private McpTransport transport = McpTransport.STREAMABLE_HTTP;
    private Map<String, String> headers = Map.of();
    private String clientName = "mcp-platform-client";
    private String clientVersion = "0.1.0";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private Duration totalTimeout;
    private long maxTotalBytes = Long.MAX_VALUE;
    private HostResolver resolver = HostResolver.SYSTEM;
    private SSLContext sslContext;

    private Builder(URI uri) {
      this.uri = uri;
    }

    /**
     * @param value the transport, Streamable HTTP by default
     */
    public Builder transport(McpTransport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /**
     * @param value headers for every request (credentials; values never logged)
     */
    public Builder headers(Map<String, String> value) {
      this.headers = Map.copyOf(value);
      return this;
    }

    /**
     * @param name the client name advertised in {@code initialize} and the User-Agent
     * @param version its version
     */
    public Builder clientInfo(String name, String version) {
      this.clientName = Objects.requireNonNull(name, "name");
      this.clientVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * @param value bound on opening one connection
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * @param value bound on each request, from sending it to its answer
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value, "requestTimeout");
      return this;
    }

    /**
     * @param value bound on the bytes of one answer
     */
    public Builder maxMessageBytes(long value) {
      if (value < 1024) {
        throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
      }
      this.maxMessageBytes = value;
      return this;
    }

    /**
     * Bounds the whole session, from {@link #build()}: every request stops when either is spent.
     *
     * @param timeout the time the session may take
     * @param maxBytes the bytes it may read
     */
    public Builder sessionLimits(Duration timeout, long maxBytes) {
      this.totalTimeout = positive(timeout, "sessionTimeout");
      this.maxTotalBytes = maxBytes;
      return this;
    }

    /**
     * @param value turns the host name into the address every connection goes to
     */
    public Builder resolver(HostResolver value) {
      this.resolver = Objects.requireNonNull(value, "resolver");
      return this;
    }

    /**
     * @param value TLS settings (trust), null for the JVM default
     */
    public Builder sslContext(SSLContext value) {
      this.sslContext = value;
      return this;
    }

    /**
     * @return the session, not yet connected
     */
    public McpSession build() {
      return new McpSession(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
