package io.mcpplatform.core.store;

/**
 * A conditional write found the entry in another state than the caller expected; re-read and retry.
 */
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which entry and what was expected
   */
  public ConflictException(String message) {
    super(message);
  }
}
