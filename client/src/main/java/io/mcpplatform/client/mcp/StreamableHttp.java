package io.mcpplatform.client.mcp;

import io.mcpplatform.client.DebugLog;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of one MCP session over Streamable HTTP (MCP 2025-11-25, answering servers back to
 * 2024-11-05), blocking, on the JDK's {@code HttpURLConnection}.
 *
 * <p>Each JSON-RPC message is one POST accepting {@code application/json} and {@code text/event-stream}.
 * A JSON answer is read whole; an event stream is read until the answer to the request arrives, answering
 * the server's own requests on the way ({@code ping}; anything else is refused with "method not found",
 * since the client declares no capabilities) and resuming with {@code Last-Event-ID} when the server
 * closes the stream early after giving event ids. The session id the server hands out on
 * {@code initialize} and the negotiated protocol version go on every later request; a session the server
 * no longer knows (404) is re-initialized once. A request that runs out of time is cancelled
 * ({@code notifications/cancelled}). The optional GET stream for server-initiated messages is not opened:
 * the client declares no capability that needs it.
 *
 * <p>Why not the MCP Java SDK's client: a command-line process opens its sessions cold, and the SDK's
 * reactive pipeline and its transport on {@code java.net.http} cost several hundred milliseconds of cold
 * code before the first answer (measured in BENCHMARKS.md, issue 7), several times what the exchange needs.
 *
 * <p>Header values (credentials) are sent, never logged or put in messages. Thread-safe: requests may run
 * from several threads at once.
 */
final class StreamableHttp {

  /** The protocol versions this client speaks, newest first; the newest is offered. */
  static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  /** Largest answer read (a JSON body, one event's data, or an error body). */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final String ACCEPT = "application/json, text/event-stream";
  private static final int MAX_RESUMES = 5;
  private static final int METHOD_NOT_FOUND = -32601;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final String serverName;
  private final URL url;
  private final Map<String, String> headers;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final String userAgent;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Object> initializeParams;
  private volatile String sessionId;
  private volatile String protocolVersion;

  /**
   * @param serverName the server's name, for messages
   * @param url the MCP endpoint
   * @param headers headers for every request (credentials; values never logged)
   * @param connectTimeout bound on opening a connection
   * @param requestTimeout bound on each request, from sending it to its answer
   * @param clientVersion the version advertised in {@code initialize}
   */
  StreamableHttp(String serverName, URL url, Map<String, String> headers, Duration connectTimeout,
      Duration requestTimeout, String clientVersion) {
    this.serverName = serverName;
    this.url = url;
    this.headers = Map.copyOf(headers);
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.userAgent = "mcp-platform-client/" + clientVersion;
    this.initializeParams = Map.of("protocolVersion", PROTOCOL_VERSIONS.get(0), "capabilities", Map.of(),
        "clientInfo", Map.of("name", "mcp-platform-client", "version", clientVersion));
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

  /** See {@link ServerConnector#warmUp()}. */
  static void warmUp() {
    if (!WARMED.compareAndSet(false, true)) {
      return;
    }
    Thread helper = new Thread(() -> {
      try {
        StreamableHttp http = new StreamableHttp("warm-up", new URL("http://127.0.0.1/mcp"), Map.of(),
            Duration.ofSeconds(1), Duration.ofSeconds(1), "0");
        Object parsed = Json.parse(new java.io.ByteArrayInputStream(Json.write(http.initializeParams)));
        http.handle(Map.of("jsonrpc", "2.0", "id", 0L, "result", parsed), 0);
        http.open("POST", System.nanoTime() + 1_000_000_000L, "s").setRequestProperty("Accept", ACCEPT);
      } catch (IOException | RuntimeException e) {
        DebugLog.debug(StreamableHttp.class, "Warming up failed (the first session does the same work)", e);
      }
    }, "mcp-warm-up");
    helper.setDaemon(true);
    helper.start();
  }

  /**
   * The handshake: {@code initialize}, a check of the version the server chose, {@code notifications/initialized}.
   *
   * @return the server's {@code InitializeResult}
   * @throws RpcFailure when the server cannot be reached, refuses, or speaks no version this client does
   */
  Map<String, Object> initialize() {
    sessionId = null;
    protocolVersion = null;
    Map<String, Object> result = exchange("initialize", initializeParams);
    String version = Json.string(result, "protocolVersion");
    if (version == null || !PROTOCOL_VERSIONS.contains(version)) {
      close();
      throw new RpcFailure("the server answered with MCP protocol version "
          + (version == null ? "(none)" : version) + "; this client speaks "
          + String.join(", ", PROTOCOL_VERSIONS), false);
    }
    protocolVersion = version;
    try {
      notify("notifications/initialized", null);
    } catch (RpcFailure e) {
      close();
      throw e;
    }
    return result;
  }

  /**
   * Sends a request and waits for its answer; a session the server has forgotten is re-initialized once.
   *
   * @param method the JSON-RPC method
   * @param params its params, nullable
   * @return the {@code result} of the answer
   * @throws RpcFailure when there is no result: the server answered with an error, failed, or took too long
   */
  Map<String, Object> request(String method, Map<String, Object> params) {
    try {
      return exchange(method, params);
    } catch (SessionExpired e) {
      DebugLog.debug(StreamableHttp.class, "Session with {} expired; initializing a new one", serverName);
      initialize();
      return exchange(method, params);
    }
  }

  /** Ends the session on the server ({@code DELETE} with the session id), when the server gave one. */
  void close() {
    String id = sessionId;
    sessionId = null;
    if (id == null) {
      return;
    }
    HttpURLConnection c = null;
    try {
      c = open("DELETE", System.nanoTime() + CLOSE_TIMEOUT.toNanos(), id);
      c.getResponseCode();
      discard(c);
    } catch (IOException | RuntimeException e) {
      // the session expires on the server by itself; a server may refuse DELETE (405)
      DebugLog.debug(StreamableHttp.class, "Ending the session with {} failed", serverName, e);
    }
  }

  private Map<String, Object> exchange(String method, Map<String, Object> params) {
    long id = ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("id", id);
    message.put("method", method);
    if (params != null) {
      message.put("params", params);
    }
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    String sent = sessionId;
    HttpURLConnection c = null;
    try {
      c = post(message, deadline);
      int status = status(c);
      if ("initialize".equals(method)) {
        sessionId = c.getHeaderField("Mcp-Session-Id");
      }
      if (status == 404 && sent != null) {
        discard(c);
        throw new SessionExpired();
      }
      if (status < 200 || status > 299) {
        throw httpFailure(c, status, method);
      }
      String type = contentType(c);
      if (type.equals("text/event-stream")) {
        return result(method, awaitOnStream(c, id, method, deadline));
      }
      if (status == 202) {
        discard(c);
        throw new RpcFailure("the server accepted " + method + " without answering it (HTTP 202)", false);
      }
      if (!type.equals("application/json")) {
        discard(c);
        throw new RpcFailure("the server answered " + method + " with " + (type.isEmpty() ? "no content type"
            : "content type " + type) + ", not application/json or text/event-stream", false);
      }
      Object answer;
      try (InputStream in = bounded(c.getInputStream())) {
        answer = Json.parse(in);
      } catch (IllegalArgumentException e) {
        c.disconnect();
        throw new RpcFailure("the server's answer to " + method + " is " + e.getMessage(), false, e);
      }
      Map<String, Object> response = handle(answer, id);
      if (response == null) {
        throw new RpcFailure("the server's answer to " + method + " holds no response with the request's id", false);
      }
      return result(method, response);
    } catch (IOException | java.io.UncheckedIOException e) {
      IOException cause = e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
      if (c != null) {
        c.disconnect();
      }
      if (cause instanceof SocketTimeoutException) {
        cancel(id, method);
        throw new RpcFailure("timed out", true, e);
      }
      throw new RpcFailure(reason(cause), !(cause instanceof AnswerTooLarge), e);
    }
  }

  /** Reads events until the answer to request {@code id} comes, resuming the stream if the server drops it. */
  private Map<String, Object> awaitOnStream(HttpURLConnection first, long id, String method, long deadline) throws IOException {
    HttpURLConnection c = first;
    String lastEventId = null;
    long retryMillis = 0;
    for (int resumes = 0; ; resumes++) {
      try (InputStream in = bounded(c.getInputStream())) {
        SseReader events = new SseReader(in);
        SseReader.Event event;
        while ((event = events.next()) != null) {
          if (event.id() != null) {
            lastEventId = event.id();
          }
          if (event.retryMillis() >= 0) {
            retryMillis = event.retryMillis();
          }
          if (!event.data().isEmpty() && event.type().equals("message")) {
            Object message;
            try {
              message = Json.parse(event.data());
            } catch (IllegalArgumentException e) {
              throw new RpcFailure("an event the server sent while answering " + method + " is " + e.getMessage(),
                  false, e);
            }
            Map<String, Object> response = handle(message, id);
            if (response != null) {
              return response;
            }
          }
          if (System.nanoTime() - deadline > 0) {
            throw new SocketTimeoutException();
          }
        }
      }
      if (lastEventId == null || resumes >= MAX_RESUMES) {
        throw new RpcFailure("the server closed its event stream before answering " + method, true);
      }
      sleepUntil(Math.min(System.nanoTime() + retryMillis * 1_000_000, deadline));
      c = open("GET", deadline, sessionId);
      c.setRequestProperty("Accept", "text/event-stream");
      c.setRequestProperty("Last-Event-ID", lastEventId);
      int status = status(c);
      if (status != 200 || !contentType(c).equals("text/event-stream")) {
        throw httpFailure(c, status, method + " (resuming its event stream)");
      }
    }
  }

  /**
   * Goes through one message (or batch) from the server: answers its requests, logs its notifications, and
   * returns the response to request {@code id} if the message holds it.
   */
  private Map<String, Object> handle(Object message, long id) {
    List<Object> batch = Json.array(message);
    if (batch != null) {
      Map<String, Object> found = null;
      for (Object m : batch) {
        Map<String, Object> r = handle(m, id);
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
      if (requestId == null) {
        DebugLog.debug(StreamableHttp.class, "Notification from {}: {}", serverName, method);
      } else {
        answerServer(String.valueOf(method), requestId);
      }
      return null;
    }
    return object.get("id") instanceof Number n && !(n instanceof Double) && n.longValue() == id ? object : null;
  }

  private void answerServer(String method, Object requestId) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jsonrpc", "2.0");
    answer.put("id", requestId);
    if ("ping".equals(method)) {
      answer.put("result", Map.of());
    } else {
      answer.put("error", Map.of("code", METHOD_NOT_FOUND, "message", "Method not found: " + method));
    }
    send(answer, "the answer to the server's " + method);
  }

  private void notify(String method, Map<String, Object> params) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    if (params != null) {
      message.put("params", params);
    }
    send(message, method);
  }

  /** Posts a notification or a response: the server accepts it with 202 (any 2xx is taken). */
  private void send(Map<String, Object> message, String what) {
    HttpURLConnection c = null;
    try {
      c = post(message, System.nanoTime() + requestTimeout.toNanos());
      int status = status(c);
      if (status < 200 || status > 299) {
        throw httpFailure(c, status, what);
      }
      discard(c);
    } catch (SocketTimeoutException e) {
      c.disconnect();
      throw new RpcFailure("timed out", true, e);
    } catch (IOException e) {
      if (c != null) {
        c.disconnect();
      }
      throw new RpcFailure(reason(e), true, e);
    }
  }

  /** Tells the server to stop working on a request the client gave up on; best effort, off the caller's thread. */
  private void cancel(long id, String method) {
    if ("initialize".equals(method)) {
      return;
    }
    Map<String, Object> params = Map.of("requestId", id,
        "reason", "The client timed out after " + requestTimeout.toSeconds() + " s");
    Thread t = new Thread(() -> {
      try {
        notify("notifications/cancelled", params);
      } catch (RuntimeException e) {
        DebugLog.debug(StreamableHttp.class, "Cancelling request {} on {} failed", id, serverName, e);
      }
    }, "mcp-cancel");
    t.setDaemon(true);
    t.start();
  }

  private HttpURLConnection post(Map<String, Object> message, long deadline) throws IOException {
    byte[] body = Json.write(message);
    HttpURLConnection c = open("POST", deadline, sessionId);
    // not in streaming mode: the JDK then reads a 401's body (the server's reason) instead of throwing it away,
    // and may resend the message once on a pooled connection the server had closed
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Accept", ACCEPT);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    return c;
  }

  private HttpURLConnection open(String method, long deadline, String session) throws IOException {
    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setRequestMethod(method);
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setConnectTimeout((int) Math.min(left, connectTimeout.toMillis()));
    c.setReadTimeout((int) Math.min(left, Integer.MAX_VALUE));
    headers.forEach(c::setRequestProperty);
    c.setRequestProperty("User-Agent", userAgent);
    if (session != null) {
      c.setRequestProperty("Mcp-Session-Id", session);
    }
    String version = protocolVersion;
    if (version != null) {
      c.setRequestProperty("MCP-Protocol-Version", version);
    }
    return c;
  }

  private static int status(HttpURLConnection c) throws IOException {
    try {
      return c.getResponseCode();
    } catch (HttpRetryException e) {
      return e.responseCode();
    }
  }

  private static String contentType(HttpURLConnection c) {
    String type = c.getContentType();
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private Map<String, Object> result(String method, Map<String, Object> response) {
    Map<String, Object> error = Json.object(response.get("error"));
    if (error != null) {
      String text = Json.string(error, "message");
      throw new RpcFailure(text != null && !text.isBlank() ? text : "error " + error.get("code"), false);
    }
    Map<String, Object> result = Json.object(response.get("result"));
    if (result == null) {
      throw new RpcFailure("the server's answer to " + method + " has no result object", false);
    }
    return result;
  }

  /** A failed HTTP status: the JSON-RPC error in the body when there is one, else the status and some text. */
  private RpcFailure httpFailure(HttpURLConnection c, int status, String what) {
    String body = "";
    try (InputStream err = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream()) {
      body = new String(readUpTo(err, 64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // no body to quote
    }
    String detail = null;
    try {
      Map<String, Object> json = body.isBlank() ? null : Json.object(Json.parse(body));
      Map<String, Object> error = json == null ? null : Json.object(json.get("error"));
      detail = error == null ? null : Json.string(error, "message");
    } catch (IllegalArgumentException e) {
      // not JSON: quoted as text below
    }
    if (detail == null && !body.isBlank()) {
      String flat = body.strip().replaceAll("\\s+", " ");
      detail = flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
    boolean retriable = status >= 500 || status == 408 || status == 429;
    String hint = status == 401 || status == 403 ? " (check the credentials configured for this server)" : "";
    if (status >= 300 && status < 400) {
      hint = " (redirected to " + c.getHeaderField("Location") + "; use that URL)";
    }
    return new RpcFailure("HTTP " + status + " for " + what + (detail == null ? "" : ": " + detail) + hint, retriable);
  }

  private static String reason(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static void discard(HttpURLConnection c) throws IOException {
    // reading the rest lets the connection go back to the keep-alive pool
    try (InputStream in = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream()) {
      readUpTo(in, 64 * 1024);
    }
  }

  private static byte[] readUpTo(InputStream in, int max) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static void sleepUntil(long nanoTime) {
    long millis = (nanoTime - System.nanoTime()) / 1_000_000;
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Fails a read once more than {@link #MAX_MESSAGE_BYTES} have come: a server cannot exhaust the heap. */
  private static InputStream bounded(InputStream in) {
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        return n <= 0 ? n : counted(n);
      }

      private int counted(int n) throws IOException {
        count += n;
        if (count > MAX_MESSAGE_BYTES) {
          throw new AnswerTooLarge();
        }
        return n;
      }
    };
  }

  /** An answer past {@link #MAX_MESSAGE_BYTES}: reading stops there. */
  private static final class AnswerTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    AnswerTooLarge() {
      super("the server's answer is larger than " + MAX_MESSAGE_BYTES / (1024 * 1024) + " MB");
    }
  }

  /** The server no longer knows the session (404 for a request carrying its id). */
  private static final class SessionExpired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionExpired() {
      super(null, null, false, false);
    }
  }
}
