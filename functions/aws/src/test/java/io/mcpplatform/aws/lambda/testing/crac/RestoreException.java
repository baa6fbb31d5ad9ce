package io.mcpplatform.aws.lambda.testing.crac;

/** One or more {@code afterRestore} hooks failed; each failure is a suppressed exception. */
public class RestoreException extends Exception {
  private static final long serialVersionUID = 1L;
}
