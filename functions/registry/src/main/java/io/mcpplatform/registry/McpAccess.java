package io.mcpplatform.registry;

import io.mcpplatform.registry.audit.AuditTrail;
import io.mcpplatform.registry.auth.AuthenticationException;
import io.mcpplatform.registry.auth.Caller;
import io.mcpplatform.registry.auth.PermissionDeniedException;
import io.mcpplatform.registry.auth.TokenService;
import io.mcpplatform.core.limits.RateLimitedException;
import io.mcpplatform.core.limits.RateLimiter;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Access control of the MCP tools: the transport copies the {@code Authorization} header and the caller's
 * address into each call's context ({@link #extractor()}); tools then take a rate-limit token
 * ({@link #admit}) and, for writes, a verified bearer token whose permissions cover the name
 * ({@link #requireWrite}). Refused writes are audited here.
 */
public final class McpAccess {

  private static final String AUTHORIZATION = "io.mcpplatform.registry.authorization";
  private static final String SOURCE = "io.mcpplatform.registry.source";

  private final TokenService tokens;
  private final RateLimiter limiter;
  private final AuditTrail audit;

  /**
   * @param tokens verifies bearer tokens
   * @param limiter per-caller rate limit
   * @param audit where refused and allowed writes are recorded
   */
  public McpAccess(TokenService tokens, RateLimiter limiter, AuditTrail audit) {
    this.tokens = tokens;
    this.limiter = limiter;
    this.audit = audit;
  }

  /** @return the extractor the MCP servlet uses to hand the header and address to the tools */
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

  /** @return the audit trail */
  AuditTrail audit() {
    return audit;
  }

  /** @return the caller's address, or null */
  static String source(McpTransportContext context) {
    return context == null ? null : (String) context.get(SOURCE);
  }

  private static String authorization(McpTransportContext context) {
    return context == null ? null : (String) context.get(AUTHORIZATION);
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

  /**
   * @return the caller of a write whose token covers {@code permission} on {@code name}
   * @throws AuthenticationException when the token is missing or bad (audited)
   * @throws PermissionDeniedException when the token does not cover the name (audited)
   */
  Caller requireWrite(McpTransportContext context, String action, String permission, String name, String version) {
    Caller caller;
    try {
      caller = tokens.verifyAuthorization(authorization(context));
    } catch (AuthenticationException e) {
      audit.record(null, action, name, version, source(context), "unauthorized", e.getMessage());
      throw e;
    }
    if (name != null) {
      try {
        caller.require(permission, name);
      } catch (PermissionDeniedException e) {
        audit.record(caller.subject(), action, name, version, source(context), "forbidden", e.getMessage());
        throw e;
      }
    }
    return caller;
  }

  /**
   * @return the caller, who must hold an admin token
   * @throws AuthenticationException when the token is missing or bad
   * @throws PermissionDeniedException when it is not an admin token
   */
  Caller requireAdmin(McpTransportContext context) {
    Caller caller = tokens.verifyAuthorization(authorization(context));
    if (!caller.isAdmin()) {
      throw new PermissionDeniedException("The audit log is for admin tokens (resource '*') only");
    }
    return caller;
  }
}
