package io.mcpplatform.core.access;

/** A valid token that does not cover the action on the name. */
public class PermissionDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which action on which name was refused
   */
  public PermissionDeniedException(String message) {
    super(message);
  }
}
