package io.mcpplatform.aws.lambda.testing.crac;

/** One or more {@code beforeCheckpoint} hooks failed; each failure is a suppressed exception. */
public class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;
}
