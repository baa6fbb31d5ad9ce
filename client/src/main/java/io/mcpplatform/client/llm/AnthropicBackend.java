package io.mcpplatform.client.llm;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.anthropic.models.messages.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Anthropic Messages API through the official Java SDK. The stable prefix (tools, then the
 * system prompt) carries one {@code cache_control} breakpoint, so a tool loop pays full price for
 * it once.
 */
public final class AnthropicBackend implements LlmBackend {

  /** Default model. */
  public static final String DEFAULT_MODEL = "claude-sonnet-4-5";

  private final AnthropicClient client;
  private final String model;
  private final Prices prices;

  /**
   * @param client the SDK client (key and base URL already set)
   * @param model model name
   * @param prices prices for cost estimates
   */
  public AnthropicBackend(AnthropicClient client, String model, Prices prices) {
    this.client = client;
    this.model = model;
    this.prices = prices;
  }

  /**
   * Builds an SDK client from the environment the way the SDK reads it ({@code ANTHROPIC_API_KEY},
   * {@code ANTHROPIC_AUTH_TOKEN}, {@code ANTHROPIC_BASE_URL}), with values from {@code env} taking
   * precedence when given (tests).
   *
   * @param env the environment
   * @param model model name
   * @param prices prices for cost estimates
   * @return the backend
   */
  public static AnthropicBackend fromEnvironment(
      Map<String, String> env, String model, Prices prices) {
    AnthropicOkHttpClient.Builder builder =
        AnthropicOkHttpClient.builder().fromEnv().timeout(Duration.ofSeconds(120)).maxRetries(2);
    if (env.get("ANTHROPIC_API_KEY") != null) {
      builder.apiKey(env.get("ANTHROPIC_API_KEY"));
    }
    if (env.get("ANTHROPIC_AUTH_TOKEN") != null) {
      builder.authToken(env.get("ANTHROPIC_AUTH_TOKEN"));
    }
    if (env.get("ANTHROPIC_BASE_URL") != null) {
      builder.baseUrl(env.get("ANTHROPIC_BASE_URL"));
    }
    return new AnthropicBackend(builder.build(), model, prices);
  }

  @Override
  public LlmReply complete(LlmRequest request) {
    Message reply;
    try {
      reply = client.messages().create(params(request).build());
    } catch (AnthropicServiceException e) {
      throw new LlmException(describe(e), e);
    } catch (AnthropicIoException e) {
      throw new LlmException(
          "Cannot reach the Anthropic API (check ANTHROPIC_BASE_URL and the network)", e);
    } catch (AnthropicException e) {
      throw new LlmException("The Anthropic API gave an answer the client cannot read", e);
    }
    List<ContentPart> parts = new ArrayList<>();
    for (ContentBlock block : reply.content()) {
      if (block.isText()) {
        parts.add(new ContentPart.Text(block.asText().text()));
      } else if (block.isToolUse()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = block.asToolUse()._input().convert(Map.class);
        parts.add(
            new ContentPart.ToolCall(block.asToolUse().id(), block.asToolUse().name(), input));
      }
    }
    String stop = reply.stopReason().map(s -> s.asString()).orElse(null);
    return new LlmReply(parts, stop, usage(reply.usage()));
  }

  private MessageCreateParams.Builder params(LlmRequest request) {
    MessageCreateParams.Builder params =
        MessageCreateParams.builder()
            .model(model)
            .maxTokens(request.maxTokens())
            // tools come first in the prompt, then the system prompt: one breakpoint here caches
            // both
            .systemOfTextBlockParams(
                List.of(
                    TextBlockParam.builder()
                        .text(request.system())
                        .cacheControl(CacheControlEphemeral.builder().build())
                        .build()));
    for (ToolSpec tool : request.tools()) {
      Tool.Builder t = Tool.builder().name(tool.name()).inputSchema(schema(tool.inputSchema()));
      if (tool.description() != null) {
        t.description(tool.description());
      }
      params.addTool(t.build());
    }
    for (ChatMessage message : request.messages()) {
      List<ContentBlockParam> blocks =
          message.parts().stream().map(AnthropicBackend::block).toList();
      params.addMessage(
          message.role() == ChatMessage.Role.USER
              ? MessageParam.ofUserOfContentBlockParams(blocks)
              : MessageParam.ofAssistantOfContentBlockParams(blocks));
    }
    return params;
  }

  private static String describe(AnthropicServiceException e) {
    int status = e.statusCode();
    String api = e.apiMessage().orElse("");
    if (status == 401 || status == 403) {
      return "The Anthropic API refused the key (HTTP " + status + "): check ANTHROPIC_API_KEY";
    }
    return "The Anthropic API answered HTTP " + status + (api.isBlank() ? "" : ": " + api);
  }

  private static TokenUsage usage(Usage usage) {
    return new TokenUsage(
        usage.inputTokens(),
        usage.outputTokens(),
        usage.cacheReadInputTokens().orElse(0L),
        usage.cacheCreationInputTokens().orElse(0L));
  }

  private static ContentBlockParam block(ContentPart part) {
    if (part instanceof ContentPart.Text text) {
      return ContentBlockParam.ofText(TextBlockParam.builder().text(text.text()).build());
    }
    if (part instanceof ContentPart.ToolCall call) {
      ToolUseBlockParam.Input.Builder input = ToolUseBlockParam.Input.builder();
      call.input().forEach((k, v) -> input.putAdditionalProperty(k, JsonValue.from(v)));
      return ContentBlockParam.ofToolUse(
          ToolUseBlockParam.builder().id(call.id()).name(call.name()).input(input.build()).build());
    }
    ContentPart.ToolResult result = (ContentPart.ToolResult) part;
    return ContentBlockParam.ofToolResult(
        ToolResultBlockParam.builder()
            .toolUseId(result.toolCallId())
            .content(result.content())
            .isError(result.isError())
            .build());
  }

  /**
   * The MCP input schema as the API wants it: an object schema, {@code $schema} dropped (tokens).
   */
  static Tool.InputSchema schema(Map<String, Object> schema) {
    Tool.InputSchema.Builder b = Tool.InputSchema.builder();
    schema.forEach(
        (key, value) -> {
          switch (key) {
            case "type", "$schema" -> {}
            case "properties" -> {
              Tool.InputSchema.Properties.Builder p = Tool.InputSchema.Properties.builder();
              if (value instanceof Map<?, ?> props) {
                props.forEach(
                    (k, v) -> p.putAdditionalProperty(String.valueOf(k), JsonValue.from(v)));
              }
              b.properties(p.build());
            }
            case "required" -> {
              if (value instanceof List<?> names) {
                b.required(names.stream().map(String::valueOf).toList());
              }
            }
            default -> b.putAdditionalProperty(key, JsonValue.from(value));
          }
        });
    return b.build();
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public Prices prices() {
    return prices;
  }

  @Override
  public void close() {
    client.close();
  }
}
