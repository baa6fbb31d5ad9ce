package io.mcpplatform.client.llm;

import java.util.Map;
import java.util.Objects;

/** One block of a chat message, in a form neutral to the model provider. */
public sealed interface ContentPart {

  /**
   * Text from the user or the model.
   *
   * @param text the text
   */
  record Text(String text) implements ContentPart {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The model asks for a tool call.
   *
   * @param id the provider's call id, echoed back in the result
   * @param name the tool name as the model saw it
   * @param input the arguments
   */
  record ToolCall(String id, String name, Map<String, Object> input) implements ContentPart {
    public ToolCall {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      input = input == null ? Map.of() : input;
    }
  }

  /**
   * What a tool call gave, sent back to the model.
   *
   * @param toolCallId id of the call this answers
   * @param content result text (already capped)
   * @param isError whether the call failed
   */
  record ToolResult(String toolCallId, String content, boolean isError) implements ContentPart {
    public ToolResult {
      Objects.requireNonNull(toolCallId, "toolCallId");
      Objects.requireNonNull(content, "content");
    }
  }
}
