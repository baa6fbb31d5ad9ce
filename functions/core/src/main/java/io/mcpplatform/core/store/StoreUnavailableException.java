package io.mcpplatform.core.store;

/** The store could not be reached or failed; the request may be retried later. */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, without secrets
   * @param cause the adapter's error
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
