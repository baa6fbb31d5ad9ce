package io.mcpplatform.client.mcp;

import java.util.Objects;

/**
 * What calling a tool gave.
 *
 * @param text the result as text (the text contents joined, or the structured content as JSON)
 * @param structuredContent the structured result as {@link Json} reads it (a map for an object),
 *     nullable
 * @param isError whether the tool (or the call) failed
 */
public record ToolOutcome(String text, Object structuredContent, boolean isError) {
  public ToolOutcome {
    Objects.requireNonNull(text, "text");
  }

  /**
   * @param message what went wrong
   * @return a failed outcome
   */
  public static ToolOutcome failure(String message) {
    return new ToolOutcome(message, null, true);
  }
}
