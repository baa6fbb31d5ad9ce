package io.mcpplatform.client.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the client's MCP sessions: the SDK's Jackson 3 mapper over the process-wide
 * {@link JsonMapper#shared()} (the one the SDK would pick by default, and the one the client's own code uses),
 * so that each JSON type is introspected once per process.
 *
 * <p>A short command spends a large share of its start-up creating Jackson itself and its serializers and
 * deserializers for the protocol's messages (reflection over some fifteen record types). {@link #prepare}
 * does that on a helper thread while the caller sets up the SDK client and the HTTP client, which need no
 * JSON; the first JSON operation of a session then waits for the helper. Nothing is cached but Jackson's own
 * (de)serializers, exactly as the first message would have built them.
 */
final class SessionJson implements McpJsonMapper {

  static final SessionJson INSTANCE = new SessionJson();

  private static final Logger LOG = LoggerFactory.getLogger(SessionJson.class);
  /** What every session writes: requests and the {@code initialized} notification. */
  private static final List<Class<?>> WRITTEN = List.of(McpSchema.JSONRPCRequest.class,
      McpSchema.JSONRPCNotification.class, McpSchema.InitializeRequest.class, McpSchema.CallToolRequest.class,
      McpSchema.PaginatedRequest.class);
  /** What every session reads: the raw message, the response envelope, then its result. */
  private static final List<Class<?>> READ = List.of(HashMap.class, McpSchema.JSONRPCResponse.class,
      McpSchema.InitializeResult.class, McpSchema.CallToolResult.class, McpSchema.ListToolsResult.class);

  private CompletableFuture<McpJsonMapper> pending;

  private SessionJson() {
  }

  /**
   * Starts building the mapper and the (de)serializers of the MCP messages on a daemon thread, once per
   * process; later calls do nothing.
   *
   * @param alsoRead further types the caller will read with {@link JsonMapper#shared()} (catalog records)
   */
  synchronized void prepare(List<Class<?>> alsoRead) {
    if (pending == null) {
      pending = new CompletableFuture<>();
      CompletableFuture<McpJsonMapper> result = pending;
      Thread helper = new Thread(() -> {
        try {
          result.complete(build(alsoRead));
        } catch (Throwable e) {
          result.completeExceptionally(e);
        }
      }, "mcp-json-prepare");
      helper.setDaemon(true);
      helper.start();
    }
  }

  private static McpJsonMapper build(List<Class<?>> alsoRead) {
    JsonMapper mapper = JsonMapper.shared();
    try {
      // a writer or reader for a type looks up its (de)serializer at once and keeps it in the mapper's cache
      WRITTEN.forEach(mapper::writerFor);
      READ.forEach(mapper::readerFor);
      alsoRead.forEach(mapper::readerFor);
    } catch (RuntimeException e) {
      // the first real message will meet the same problem and report it; nothing is lost here
      LOG.debug("Preparing the JSON (de)serializers failed", e);
    }
    return new JacksonMcpJsonMapper(mapper);
  }

  private McpJsonMapper mapper() {
    CompletableFuture<McpJsonMapper> started;
    synchronized (this) {
      if (pending == null) {
        pending = CompletableFuture.completedFuture(new JacksonMcpJsonMapper(JsonMapper.shared()));
      }
      started = pending;
    }
    try {
      return started.join();
    } catch (CompletionException e) {
      // built here instead, where whatever failed on the helper fails again in plain sight
      LOG.debug("Preparing the JSON mapper failed", e);
      return new JacksonMcpJsonMapper(JsonMapper.shared());
    }
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return mapper().readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return mapper().readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return mapper().readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return mapper().readValue(content, type);
  }

  @Override
  public <T> T convertValue(Object from, Class<T> type) {
    return mapper().convertValue(from, type);
  }

  @Override
  public <T> T convertValue(Object from, TypeRef<T> type) {
    return mapper().convertValue(from, type);
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return mapper().writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return mapper().writeValueAsBytes(value);
  }
}
