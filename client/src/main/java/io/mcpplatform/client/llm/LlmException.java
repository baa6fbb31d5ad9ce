package io.mcpplatform.client.llm;

/** The model could not answer: unreachable, refused the key, or an answer it could not read. */
public class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message a message a person can act on (no secrets)
   * @param cause the cause, nullable
   */
  public LlmException(String message, Throwable cause) {
    super(message, cause);
  }
}
