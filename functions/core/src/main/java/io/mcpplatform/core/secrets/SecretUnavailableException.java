package io.mcpplatform.core.secrets;

/** The secret store could not be read; a later attempt may succeed. */
public class SecretUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the secret but never a value
   * @param cause the adapter's error, or null
   */
  public SecretUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
