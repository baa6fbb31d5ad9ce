package io.mcpplatform.registry.auth;

/**
 * No bearer token, or one that does not verify (malformed, tampered, expired, wrong algorithm or
 * issuer).
 */
public class AuthenticationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the token, safe to show the caller
   */
  public AuthenticationException(String message) {
    super(message);
  }
}
