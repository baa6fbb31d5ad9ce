package io.mcpplatform.client.llm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the model answered to one call.
 *
 * @param content text and tool calls, in order
 * @param stopReason the provider's stop reason ({@code tool_use}, {@code end_turn}, {@code
 *     tool_calls}, ...), nullable
 * @param usage tokens the call used
 */
public record LlmReply(List<ContentPart> content, String stopReason, TokenUsage usage) {
  public LlmReply {
    content = List.copyOf(content);
    Objects.requireNonNull(usage, "usage");
  }

  /**
   * @return the tool calls the model asked for, in order
   */
  public List<ContentPart.ToolCall> toolCalls() {
    return content.stream()
        .filter(ContentPart.ToolCall.class::isInstance)
        .map(ContentPart.ToolCall.class::cast)
        .toList();
  }

  /**
   * @return the text parts joined with blank lines
   */
  public String text() {
    return content.stream()
        .filter(ContentPart.Text.class::isInstance)
        .map(p -> ((ContentPart.Text) p).text())
        .collect(Collectors.joining("\n\n"))
        .strip();
  }
}
