package io.mcpplatform.client.agent;

import io.mcpplatform.client.llm.ChatMessage;
import io.mcpplatform.client.llm.ContentPart;
import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.LlmReply;
import io.mcpplatform.client.llm.LlmRequest;
import io.mcpplatform.client.llm.TokenUsage;
import io.mcpplatform.client.llm.ToolSpec;
import io.mcpplatform.client.mcp.ToolOutcome;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's {@code chat_with_discovery}: discover tools for a question (when the registry finds
 * nothing relevant for its words, the model searches the registry in its own, {@link
 * ServerFinder}), then loop on tool use until the model answers. {@link #ask} starts afresh; {@link
 * #chat} keeps the conversation (the seed's interactive session), as question and answer text only:
 * earlier tool calls and results are not sent again, which keeps every later turn cheap.
 */
public final class Assistant {

  /** The stable system prompt (cached with the tools). */
  static final String SYSTEM =
      "You answer questions using the tools provided when they help. Tool names are"
          + " server__tool. Use tool results as the source of facts and do not invent data; if a tool fails,"
          + " say so briefly. Answer concisely.";

  /** Answer when the registry has nothing that fits. */
  public static final String NO_TOOLS =
      "I could not find any relevant tools to help with your request.";

  /**
   * Bounds on the loop.
   *
   * @param maxRounds most model calls for one question, once tools are found
   * @param maxTokens output bound per call
   * @param searchRounds most model calls searching the registry when it finds nothing for the
   *     question; 0 answers {@link #NO_TOOLS} without calling the model
   */
  public record Options(int maxRounds, int maxTokens, int searchRounds) {
    /** Ten rounds, 1,024 output tokens each, up to three registry searches by the model. */
    public static final Options DEFAULT = new Options(10, 1024, 3);
  }

  private final Discovery discovery;
  private final LlmBackend llm;
  private final Options options;
  private final List<ChatMessage> history = new ArrayList<>();

  /**
   * @param discovery finds the tools
   * @param llm the model
   * @param options bounds
   */
  public Assistant(Discovery discovery, LlmBackend llm, Options options) {
    this.discovery = discovery;
    this.llm = llm;
    this.options = options;
  }

  /**
   * Answers one question with no earlier conversation.
   *
   * @param question the question
   * @param searchQuery what to search the registry for; null to use the question
   * @return the answer
   */
  public Answer ask(String question, String searchQuery) {
    return answer(question, searchQuery, List.of(), false);
  }

  /**
   * Answers the next message of a conversation, which it then remembers.
   *
   * @param message the user's message
   * @return the answer
   */
  public Answer chat(String message) {
    Answer answer = answer(message, null, history, true);
    history.add(ChatMessage.user(message));
    history.add(
        new ChatMessage(ChatMessage.Role.ASSISTANT, List.of(new ContentPart.Text(answer.text()))));
    return answer;
  }

  private Answer answer(
      String question, String searchQuery, List<ChatMessage> earlier, boolean conversation) {
    long start = System.nanoTime();
    Discovery.Found found =
        discovery.discover(searchQuery == null ? question : searchQuery, question);
    List<String> problems = new ArrayList<>(found.problems());
    ServerFinder.Outcome search = null;
    // only when nothing was relevant: a relevant server that could not be reached (say, for a
    // missing
    // credential) is reported as it is, not searched around
    if (found.chosen() == 0 && options.searchRounds() > 0) {
      search =
          new ServerFinder(discovery, llm, options.searchRounds(), options.maxTokens())
              .find(question, earlier);
      problems.addAll(search.problems());
      if (search.found() != null) {
        found = search.found();
      }
    }
    List<String> queries = search == null ? List.of() : search.queries();
    int searchRounds = search == null ? 0 : search.rounds();
    TokenUsage searchUsage = search == null ? TokenUsage.ZERO : search.usage();
    long discoveryMillis = (System.nanoTime() - start) / 1_000_000;
    long toolsReadyAt = System.currentTimeMillis();
    Toolbox toolbox = found.toolbox();
    if (search != null
        && search.found() == null
        && search.text() != null
        && !search.text().isBlank()) {
      // the model answered instead of searching further: no tool was needed, or none could be found
      return new Answer(
          search.text(),
          llm.model(),
          List.of(),
          List.of(),
          0,
          List.of(),
          problems,
          searchRounds,
          searchUsage,
          llm.prices().cost(searchUsage),
          discoveryMillis,
          toolsReadyAt,
          queries,
          searchRounds,
          searchUsage);
    }
    if (toolbox.isEmpty() && !(conversation && !earlier.isEmpty() && search == null)) {
      String text =
          NO_TOOLS
              + (queries.isEmpty()
                  ? ""
                  : " The registry was also searched for: '" + String.join("', '", queries) + "'.")
              + (problems.isEmpty() ? "" : " " + String.join(" ", problems));
      return new Answer(
          text,
          search == null ? null : llm.model(),
          found.servers(),
          List.of(),
          0,
          List.of(),
          problems,
          searchRounds,
          searchUsage,
          llm.prices().cost(searchUsage),
          discoveryMillis,
          toolsReadyAt,
          queries,
          searchRounds,
          searchUsage);
    }
    List<ToolSpec> specs = toolbox.specs();
    List<ChatMessage> messages = new ArrayList<>(earlier);
    messages.add(ChatMessage.user(question));
    List<Answer.ToolCallRecord> calls = new ArrayList<>();
    TokenUsage usage = searchUsage;
    String text = null;
    int rounds = 0;
    while (rounds < options.maxRounds()) {
      LlmReply reply = llm.complete(new LlmRequest(SYSTEM, specs, messages, options.maxTokens()));
      rounds++;
      usage = usage.plus(reply.usage());
      if (reply.toolCalls().isEmpty()) {
        text = reply.text();
        break;
      }
      messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, reply.content()));
      List<ContentPart> results = new ArrayList<>();
      for (ContentPart.ToolCall call : reply.toolCalls()) {
        ToolOutcome outcome = toolbox.execute(call.name(), call.input());
        calls.add(
            new Answer.ToolCallRecord(call.name(), outcome.isError(), outcome.text().length()));
        results.add(new ContentPart.ToolResult(call.id(), outcome.text(), outcome.isError()));
      }
      messages.add(new ChatMessage(ChatMessage.Role.USER, results));
    }
    if (text == null) {
      text =
          "No final answer after "
              + rounds
              + " model calls (the limit); the tools were called "
              + calls.size()
              + " times.";
    } else if (text.isBlank()) {
      text = "(the model gave no text)";
    }
    return new Answer(
        text,
        llm.model(),
        found.servers(),
        toolbox.names(),
        JsonMapper.shared().writeValueAsBytes(specs).length,
        calls,
        problems,
        searchRounds + rounds,
        usage,
        llm.prices().cost(usage),
        discoveryMillis,
        toolsReadyAt,
        queries,
        searchRounds,
        searchUsage);
  }

  /** Forgets the conversation. */
  public void reset() {
    history.clear();
  }
}
