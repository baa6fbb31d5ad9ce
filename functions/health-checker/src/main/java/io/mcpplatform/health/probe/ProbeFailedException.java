package io.mcpplatform.health.probe;

/** A probe found the server down; the message says why, in words for people. */
final class ProbeFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  ProbeFailedException(String detail) {
    super(detail);
  }
}
