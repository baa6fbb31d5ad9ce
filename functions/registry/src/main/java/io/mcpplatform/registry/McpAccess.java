package io.mcpplatform.registry;

import io.mcpplatform.core.access.Access;
import io.mcpplatform.core.limits.RateLimitedException;
import io.mcpplatform.core.limits.RateLimiter;
import io.mcpplatform.registry.auth.AuthenticationException;
import io.mcpplatform.registry.auth.TokenService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The MCP edge's part of access control: the transport copies the {@code Authorization} header and
 * the caller's address into each call's context ({@link #extractor()}); each call takes a
 * rate-limit token ({@link #admit}) and is turned into an {@link Access} ({@link #access}) for the
 * registry's operations, which decide what the caller may do and audit it.
 */
public final class McpAccess {

  private static final String AUTHORIZATION = "io.mcpplatform.registry.authorization";
  private static final String SOURCE = "io.mcpplatform.registry.source";

  private final TokenService tokens;
  private final RateLimiter limiter;

  /**
   * @param tokens verifies bearer tokens
   * @param limiter per-caller rate limit
   */
  public McpAccess(TokenService tokens, RateLimiter limiter) {
    this.tokens = tokens;
    this.limiter = limiter;
  }

  /**
   * @return the extractor the MCP servlet uses to hand the header and address to the tools
   */
  public static McpTransportContextExtractor<HttpServletRequest> extractor() {
    return request -> {
      Map<String, Object> values = new HashMap<>();
      String authorization = request.getHeader("Authorization");
      if (authorization != null) {
        values.put(AUTHORIZATION, authorization);
      }
      if (request.getRemoteAddr() != null) {
        values.put(SOURCE, request.getRemoteAddr());
      }
      return McpTransportContext.create(values);
    };
  }

  /**
   * @return the caller's address, or null
   */
  static String source(McpTransportContext context) {
    return context == null ? null : (String) context.get(SOURCE);
  }

  private static String authorization(McpTransportContext context) {
    return context == null ? null : (String) context.get(AUTHORIZATION);
  }

  /**
   * @return who makes the call: the verified caller, or anonymous with the reason there is none
   */
  Access access(McpTransportContext context) {
    try {
      return Access.of(tokens.verifyAuthorization(authorization(context)), source(context));
    } catch (AuthenticationException e) {
      return Access.anonymous(e, source(context));
    }
  }

  /**
   * Takes one request from the caller's rate limit.
   *
   * @throws RateLimitedException when the caller has none left
   */
  void admit(McpTransportContext context) {
    if (!limiter.enabled()) {
      return;
    }
    String key = "addr:" + source(context);
    String authorization = authorization(context);
    if (authorization != null) {
      try {
        key = "sub:" + tokens.verifyAuthorization(authorization).subject();
      } catch (AuthenticationException e) {
        // an invalid token counts against the address
      }
    }
    long wait = limiter.acquire(key);
    if (wait > 0) {
      throw new RateLimitedException(wait);
    }
  }
}
