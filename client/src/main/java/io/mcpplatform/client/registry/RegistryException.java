package io.mcpplatform.client.registry;

/** The registry answered with an error, or could not be reached. */
public class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what the registry said, or why it could not be asked
   * @param cause the cause, nullable
   */
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
