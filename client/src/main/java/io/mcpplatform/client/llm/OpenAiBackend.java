package io.mcpplatform.client.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any OpenAI-compatible chat completions endpoint ({@code POST {base}/chat/completions}): OpenAI
 * itself, or a local open-weight model server (Ollama, llama.cpp, vLLM) that answers with no API
 * cost. Such servers cache prompt prefixes on their own; cached tokens are read from {@code
 * usage.prompt_tokens_details.cached_tokens} when reported.
 */
public final class OpenAiBackend implements LlmBackend {

  /** Default base URL when {@code OPENAI_BASE_URL} is not set. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /** Default model. */
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final String model;
  private final Prices prices;

  /**
   * @param baseUrl base URL such as {@code http://127.0.0.1:11434/v1}
   * @param apiKey bearer key, nullable (local servers need none)
   * @param model model name
   * @param prices prices for cost estimates
   */
  public OpenAiBackend(String baseUrl, String apiKey, String model, Prices prices) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(base + "/chat/completions");
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.model = model;
    this.prices = prices;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public LlmReply complete(LlmRequest request) {
    byte[] body = JsonMapper.shared().writeValueAsBytes(body(request));
    HttpRequest.Builder http =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(300))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      http.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<byte[]> response;
    try {
      response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new LlmException(
          "Cannot reach the chat completions endpoint " + endpoint + " (check OPENAI_BASE_URL)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("Interrupted while waiting for the model", e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new LlmException(
          "The chat completions endpoint refused the key (HTTP "
              + status
              + "): check OPENAI_API_KEY",
          null);
    }
    if (status / 100 != 2) {
      throw new LlmException(
          "The chat completions endpoint answered HTTP " + status + errorMessage(response.body()),
          null);
    }
    try {
      return reply(JsonMapper.shared().readTree(response.body()));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new LlmException(
          "The chat completions endpoint gave an answer the client cannot read", e);
    }
  }

  private Map<String, Object> body(LlmRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("max_tokens", request.maxTokens());
    List<Object> messages = new ArrayList<>();
    messages.add(Map.of("role", "system", "content", request.system()));
    for (ChatMessage message : request.messages()) {
      messages.addAll(messages(message));
    }
    body.put("messages", messages);
    if (!request.tools().isEmpty()) {
      List<Object> tools = new ArrayList<>();
      for (ToolSpec tool : request.tools()) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", tool.name());
        if (tool.description() != null) {
          function.put("description", tool.description());
        }
        Map<String, Object> parameters = new LinkedHashMap<>(tool.inputSchema());
        parameters.remove("$schema");
        function.put("parameters", parameters);
        tools.add(Map.of("type", "function", "function", function));
      }
      body.put("tools", tools);
    }
    return body;
  }

  private static List<Object> messages(ChatMessage message) {
    List<Object> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Object> calls = new ArrayList<>();
    for (ContentPart part : message.parts()) {
      if (part instanceof ContentPart.Text t) {
        text.append(text.length() == 0 ? "" : "\n\n").append(t.text());
      } else if (part instanceof ContentPart.ToolCall call) {
        calls.add(
            Map.of(
                "id",
                call.id(),
                "type",
                "function",
                "function",
                Map.of(
                    "name",
                    call.name(),
                    "arguments",
                    JsonMapper.shared().writeValueAsString(call.input()))));
      } else if (part instanceof ContentPart.ToolResult result) {
        // the wire format has no error flag: say so in the text
        out.add(
            Map.of(
                "role",
                "tool",
                "tool_call_id",
                result.toolCallId(),
                "content",
                result.isError() ? "Error: " + result.content() : result.content()));
      }
    }
    if (message.role() == ChatMessage.Role.ASSISTANT) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", "assistant");
      m.put("content", text.length() == 0 ? null : text.toString());
      if (!calls.isEmpty()) {
        m.put("tool_calls", calls);
      }
      out.add(0, m);
    } else if (text.length() > 0) {
      out.add(Map.of("role", "user", "content", text.toString()));
    }
    return out;
  }

  private static LlmReply reply(JsonNode root) {
    JsonNode choice = root.path("choices").path(0);
    if (choice.isMissingNode()) {
      throw new IllegalArgumentException("no choices");
    }
    JsonNode message = choice.path("message");
    List<ContentPart> parts = new ArrayList<>();
    String content = message.path("content").isString() ? message.path("content").asString() : null;
    if (content != null && !content.isBlank()) {
      parts.add(new ContentPart.Text(content));
    }
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      String arguments = function.path("arguments").asString("");
      Map<String, Object> input =
          arguments.isBlank() ? Map.of() : JsonMapper.shared().readValue(arguments, MAP);
      parts.add(
          new ContentPart.ToolCall(
              call.path("id").asString(), function.path("name").asString(), input));
    }
    JsonNode usage = root.path("usage");
    long prompt = usage.path("prompt_tokens").asLong(0);
    long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
    TokenUsage tokens =
        new TokenUsage(prompt - cached, usage.path("completion_tokens").asLong(0), cached, 0);
    String finish =
        choice.path("finish_reason").isString() ? choice.path("finish_reason").asString() : null;
    return new LlmReply(parts, finish, tokens);
  }

  private static String errorMessage(byte[] body) {
    try {
      JsonNode error = JsonMapper.shared().readTree(body).path("error");
      String message = error.isString() ? error.asString() : error.path("message").asString("");
      return message.isBlank() ? "" : ": " + message;
    } catch (JacksonException e) {
      return "";
    }
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public Prices prices() {
    return prices;
  }
}
