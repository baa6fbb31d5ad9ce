package io.mcpplatform.client.llm;

import java.util.List;
import java.util.Objects;

/**
 * One call to a model.
 *
 * @param system the system prompt (the stable prefix, with the tools)
 * @param tools the tools offered
 * @param messages the conversation so far, starting with a user message
 * @param maxTokens the output bound
 */
public record LlmRequest(
    String system, List<ToolSpec> tools, List<ChatMessage> messages, int maxTokens) {
  public LlmRequest {
    Objects.requireNonNull(system, "system");
    tools = List.copyOf(tools);
    messages = List.copyOf(messages);
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
  }
}
