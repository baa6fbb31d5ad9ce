package io.mcpplatform.core.limits;

/** A caller made more requests than its rate limit allows. */
public class RateLimitedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  /**
   * @param retryAfterSeconds whole seconds until the next request will be allowed
   */
  public RateLimitedException(long retryAfterSeconds) {
    super(
        "Rate limit exceeded: too many requests from this caller; retry in "
            + retryAfterSeconds
            + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * @return whole seconds until the next request will be allowed
   */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
