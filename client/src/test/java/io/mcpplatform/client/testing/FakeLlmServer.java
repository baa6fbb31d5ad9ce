package io.mcpplatform.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback HTTP server speaking the Anthropic Messages ({@code POST /v1/messages}) and OpenAI
 * chat completions ({@code POST /chat/completions}) wire formats with scripted replies, recording
 * every request.
 */
public final class FakeLlmServer implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * One request received.
   *
   * @param path the request path
   * @param headers request headers, lower-case names, first value
   * @param body the JSON body
   */
  public record Received(String path, Map<String, String> headers, JsonNode body) {}

  private final HttpServer server;
  private final ConcurrentLinkedDeque<String> replies = new ConcurrentLinkedDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, String> policy;

  private FakeLlmServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @return a started server on a free loopback port
   */
  public static FakeLlmServer start() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeLlmServer fake = new FakeLlmServer(http);
    http.createContext("/", fake::handle);
    http.start();
    return fake;
  }

  /**
   * @return {@code http://127.0.0.1:PORT}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * @param json the next reply body, sent with 200
   * @return this server
   */
  public FakeLlmServer reply(String json) {
    replies.add(json);
    return this;
  }

  /**
   * A scripted model that decides from the request (the tools offered, the last message) instead of
   * a fixed order; used once the queued replies are spent.
   *
   * @param policy the reply body for a request
   * @return this server
   */
  public FakeLlmServer replyBy(Function<Received, String> policy) {
    this.policy = policy;
    return this;
  }

  /**
   * @return every request received, in order
   */
  public List<Received> received() {
    return new ArrayList<>(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> headers = new java.util.HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    Received request =
        new Received(
            exchange.getRequestURI().getPath(),
            headers,
            body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
    received.add(request);
    String next = replies.poll();
    if (next == null && policy != null) {
      next = policy.apply(request);
    }
    int status = next == null ? 400 : 200;
    byte[] out =
        (next == null
                ? "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"no scripted reply left\"}}"
                : next)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /** An Anthropic reply asking for one tool call. */
  public static String anthropicToolUse(String id, String tool, String inputJson) {
    return """
        {"id":"msg_%s","type":"message","role":"assistant","model":"claude-test",
         "content":[{"type":"text","text":"Let me look that up."},
                    {"type":"tool_use","id":"%s","name":"%s","input":%s}],
         "stop_reason":"tool_use","stop_sequence":null,
         "usage":{"input_tokens":400,"output_tokens":30,"cache_creation_input_tokens":1200,"cache_read_input_tokens":0}}
        """
        .formatted(id, id, tool, inputJson);
  }

  /** An Anthropic final answer. */
  public static String anthropicText(String text) {
    return """
        {"id":"msg_final","type":"message","role":"assistant","model":"claude-test",
         "content":[{"type":"text","text":%s}],
         "stop_reason":"end_turn","stop_sequence":null,
         "usage":{"input_tokens":500,"output_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":1200}}
        """
        .formatted(JSON.writeValueAsString(text));
  }

  /** An OpenAI reply asking for one tool call. */
  public static String openAiToolCall(String id, String tool, String argumentsJson) {
    return """
        {"id":"chatcmpl-1","object":"chat.completion","model":"local-model",
         "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
           "tool_calls":[{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}]}}],
         "usage":{"prompt_tokens":300,"completion_tokens":20,"prompt_tokens_details":{"cached_tokens":100}}}
        """
        .formatted(id, tool, JSON.writeValueAsString(argumentsJson));
  }

  /** An OpenAI final answer. */
  public static String openAiText(String text) {
    return """
        {"id":"chatcmpl-2","object":"chat.completion","model":"local-model",
         "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":%s}}],
         "usage":{"prompt_tokens":350,"completion_tokens":25}}
        """
        .formatted(JSON.writeValueAsString(text));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
