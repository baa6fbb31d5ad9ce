package io.mcpplatform.core.secrets;

/** The secret store holds no readable value under the asked name. */
public class SecretNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was asked, naming the secret but never a value
   */
  public SecretNotFoundException(String message) {
    super(message);
  }
}
