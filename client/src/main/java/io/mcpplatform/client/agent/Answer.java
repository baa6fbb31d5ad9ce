package io.mcpplatform.client.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.client.llm.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one question, with what it took.
 *
 * @param text the model's answer (or why there is none)
 * @param model the model used, nullable when none was called
 * @param servers the servers connected
 * @param toolsOffered the tool names sent to the model
 * @param toolDefinitionBytes size of the tool definitions sent, as compact JSON
 * @param toolCalls the tool calls made, in order
 * @param problems servers skipped and why
 * @param rounds model calls made
 * @param usage tokens used over all rounds
 * @param costUsd estimated cost in US dollars
 * @param discoveryMillis time spent searching and connecting (the model's registry searches
 *     included)
 * @param toolsReadyAt when discovery ended (milliseconds since the epoch)
 * @param searchQueries what the model searched the registry for, when the question's own words
 *     found nothing
 * @param searchRounds model calls spent on those searches (counted in {@code rounds})
 * @param searchUsage tokens spent on those searches (counted in {@code usage})
 */
public record Answer(
    @JsonProperty("text") String text,
    @JsonProperty("model") String model,
    @JsonProperty("servers") List<String> servers,
    @JsonProperty("toolsOffered") List<String> toolsOffered,
    @JsonProperty("toolDefinitionBytes") long toolDefinitionBytes,
    @JsonProperty("toolCalls") List<ToolCallRecord> toolCalls,
    @JsonProperty("problems") List<String> problems,
    @JsonProperty("rounds") int rounds,
    @JsonProperty("usage") TokenUsage usage,
    @JsonProperty("costUsd") double costUsd,
    @JsonProperty("discoveryMillis") long discoveryMillis,
    @JsonProperty("toolsReadyAt") long toolsReadyAt,
    @JsonProperty("searchQueries") List<String> searchQueries,
    @JsonProperty("searchRounds") int searchRounds,
    @JsonProperty("searchUsage") TokenUsage searchUsage) {

  public Answer {
    Objects.requireNonNull(text, "text");
    servers = List.copyOf(servers);
    toolsOffered = List.copyOf(toolsOffered);
    toolCalls = List.copyOf(toolCalls);
    problems = List.copyOf(problems);
    Objects.requireNonNull(usage, "usage");
    searchQueries = List.copyOf(searchQueries);
    Objects.requireNonNull(searchUsage, "searchUsage");
  }

  /**
   * One tool call made while answering.
   *
   * @param tool the name the model used
   * @param isError whether it failed
   * @param resultChars size of the result sent back
   */
  public record ToolCallRecord(
      @JsonProperty("tool") String tool,
      @JsonProperty("isError") boolean isError,
      @JsonProperty("resultChars") int resultChars) {}
}
