package io.mcpplatform.client.mcp;

/**
 * A server requires a header whose value the client has not been given. The message names where to
 * set it.
 */
public class MissingCredentialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which server, which header, which variable or file to set
   */
  public MissingCredentialException(String message) {
    super(message);
  }
}
