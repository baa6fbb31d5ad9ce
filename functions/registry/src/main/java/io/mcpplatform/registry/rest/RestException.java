package io.mcpplatform.registry.rest;

/** An HTTP error the REST face answers with {@code {"error": message}}. */
final class RestException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;

  RestException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
