package io.mcpplatform.maps;

import io.mcpplatform.core.limits.RateLimiter;
import io.mcpplatform.transport.FrontServlet;
import io.mcpplatform.transport.JsonRpcErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Puts a per-caller rate limit in front of the maps endpoint: each request takes a token from its
 * source address's bucket (API Gateway's {@code sourceIp} on Lambda; forwarding headers are not
 * trusted), and a caller with none left gets HTTP 429 with {@code Retry-After} and a JSON-RPC
 * error, never reaching the tools or Google.
 */
final class RateLimitedServlet extends FrontServlet {

  private static final long serialVersionUID = 1L;

  private final transient RateLimiter limiter;

  /**
   * @param limiter the buckets, per source address
   * @param delegate the servlet to protect
   */
  RateLimitedServlet(RateLimiter limiter, HttpServlet delegate) {
    super(delegate);
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  protected boolean admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long wait = limiter.acquire("addr:" + request.getRemoteAddr());
    if (wait <= 0) {
      return true;
    }
    response.setHeader("Retry-After", Long.toString(wait));
    JsonRpcErrors.write(
        response,
        429,
        null,
        JsonRpcErrors.SERVER_ERROR,
        "Rate limit exceeded: too many requests from this address; retry in " + wait + " s");
    return false;
  }
}
