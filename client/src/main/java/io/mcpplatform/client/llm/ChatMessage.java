package io.mcpplatform.client.llm;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param role who speaks
 * @param parts what was said, never empty
 */
public record ChatMessage(Role role, List<ContentPart> parts) {

  /** Who speaks. */
  public enum Role {
    USER,
    ASSISTANT
  }

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one part");
    }
  }

  /**
   * @return a user message holding one text
   */
  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, List.of(new ContentPart.Text(text)));
  }
}
