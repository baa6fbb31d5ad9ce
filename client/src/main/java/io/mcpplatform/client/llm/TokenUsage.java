package io.mcpplatform.client.llm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens one or more model calls used.
 *
 * @param inputTokens input tokens billed at the full rate (not read from or written to the cache)
 * @param outputTokens output tokens
 * @param cacheReadTokens input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache
 */
public record TokenUsage(
    @JsonProperty("inputTokens") long inputTokens,
    @JsonProperty("outputTokens") long outputTokens,
    @JsonProperty("cacheReadTokens") long cacheReadTokens,
    @JsonProperty("cacheWriteTokens") long cacheWriteTokens) {

  /** No tokens. */
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

  /**
   * @return the sum of this and {@code other}
   */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cacheReadTokens + other.cacheReadTokens,
        cacheWriteTokens + other.cacheWriteTokens);
  }
}
