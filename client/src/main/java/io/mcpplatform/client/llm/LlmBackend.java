package io.mcpplatform.client.llm;

/**
 * A chat model that can call tools: the Anthropic Messages API or an OpenAI-compatible endpoint.
 */
public interface LlmBackend extends AutoCloseable {

  /**
   * Sends one request and waits for the whole answer.
   *
   * @param request system prompt, tools and conversation
   * @return the model's answer with its token usage
   * @throws LlmException when the model cannot be reached or refuses the request
   */
  LlmReply complete(LlmRequest request);

  /**
   * @return the model name used
   */
  String model();

  /**
   * @return the prices used for cost estimates
   */
  Prices prices();

  @Override
  default void close() {}
}
