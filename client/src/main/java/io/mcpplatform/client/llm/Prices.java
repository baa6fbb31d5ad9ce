package io.mcpplatform.client.llm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a model costs, in US dollars per million tokens.
 *
 * @param input uncached input
 * @param output output
 * @param cacheRead input read from the prompt cache
 * @param cacheWrite input written to the prompt cache
 */
public record Prices(
    @JsonProperty("input") double input,
    @JsonProperty("output") double output,
    @JsonProperty("cacheRead") double cacheRead,
    @JsonProperty("cacheWrite") double cacheWrite) {

  /** Free (a local model server). */
  public static final Prices FREE = new Prices(0, 0, 0, 0);

  /**
   * Claude Sonnet 4.x list prices: $3 input, $15 output, $0.30 cache read, $3.75 cache write (5
   * min).
   */
  public static final Prices CLAUDE_SONNET = new Prices(3.0, 15.0, 0.30, 3.75);

  public Prices {
    if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
      throw new IllegalArgumentException("prices must not be negative");
    }
  }

  /**
   * @param usage tokens used
   * @return the estimated cost in US dollars
   */
  public double cost(TokenUsage usage) {
    return (usage.inputTokens() * input
            + usage.outputTokens() * output
            + usage.cacheReadTokens() * cacheRead
            + usage.cacheWriteTokens() * cacheWrite)
        / 1_000_000.0;
  }
}
