package io.mcpplatform.aws.lambda.testing.crac;

/**
 * A checkpoint/restore hook, as {@code org.crac} hands it over (a proxy of an {@code
 * org.crac.Resource}).
 */
public interface Resource {

  /**
   * @param context the context the resource is registered with
   * @throws Exception when the resource cannot be checkpointed
   */
  void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

  /**
   * @param context the context the resource is registered with
   * @throws Exception when the resource cannot be restored
   */
  void afterRestore(Context<? extends Resource> context) throws Exception;
}
