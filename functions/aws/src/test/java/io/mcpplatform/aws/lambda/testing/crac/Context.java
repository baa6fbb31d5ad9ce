package io.mcpplatform.aws.lambda.testing.crac;

/**
 * A group of hooks.
 *
 * @param <R> the kind of resource it holds
 */
public abstract class Context<R extends Resource> implements Resource {

  /**
   * @param resource a hook to run at the next checkpoint and restore
   */
  public abstract void register(R resource);
}
