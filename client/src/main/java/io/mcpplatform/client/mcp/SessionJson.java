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
 * JSON: the first JSON operation waits for the mapper itself, then the helper goes on building the
 * (de)serializers of the messages in the order a session meets them, ahead of the session. Nothing is kept
 * but what Jackson itself caches when the first message of each type is written or read.
 */
final class SessionJson implements McpJsonMapper {

  static final SessionJson INSTANCE = new SessionJson();

  private static final Logger LOG = LoggerFactory.getLogger(SessionJson.class);
  /**
   * The types of a session's first messages, in the order it meets them: the initialize request in its
   * envelope, the raw answer, the response envelope and its result, the notification, a tool call and its
   * result, a tools listing.
   */
  private static final List<Class<?>> WRITTEN_FIRST = List.of(McpSchema.JSONRPCRequest.class,
      McpSchema.InitializeRequest.class);
  private static final List<Class<?>> READ_FIRST = List.of(HashMap.class, McpSchema.JSONRPCResponse.class,
      McpSchema.InitializeResult.class);
  private static final List<Class<?>> WRITTEN_NEXT = List.of(McpSchema.JSONRPCNotification.class,
      McpSchema.CallToolRequest.class);
  private static final List<Class<?>> READ_NEXT = List.of(McpSchema.CallToolResult.class,
      McpSchema.ListToolsResult.class);

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
      CompletableFuture<McpJsonMapper> result = new CompletableFuture<>();
      pending = result;
      Thread helper = new Thread(() -> {
        JsonMapper mapper;
        try {
          mapper = JsonMapper.shared();
          result.complete(new JacksonMcpJsonMapper(mapper));
        } catch (Throwable e) {
          result.completeExceptionally(e);
          return;
        }
        // the session may use the mapper from here on; whichever thread needs a (de)serializer first builds
        // it, the other finds it in the mapper's cache
        prefetch(mapper, alsoRead);
      }, "mcp-json-prepare");
      helper.setDaemon(true);
      helper.start();
    }
  }

  private static void prefetch(JsonMapper mapper, List<Class<?>> alsoRead) {
    try {
      // a writer or reader for a type looks its (de)serializer up at once, which caches it in the mapper
      WRITTEN_FIRST.forEach(mapper::writerFor);
      READ_FIRST.forEach(mapper::readerFor);
      WRITTEN_NEXT.forEach(mapper::writerFor);
      READ_NEXT.forEach(mapper::readerFor);
      alsoRead.forEach(mapper::readerFor);
    } catch (RuntimeException e) {
      // the first real message meets the same problem and reports it; nothing is lost here
      LOG.debug("Preparing the JSON (de)serializers failed", e);
    }
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
