package io.mcpplatform.core.embedding;

/** The sentence-embedding model could not be loaded or run. */
public class EmbeddingUnavailableException extends RuntimeException {

  /**
   * @param message what failed
   * @param cause the underlying failure
   */
  public EmbeddingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
