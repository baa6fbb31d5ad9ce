package io.mcpplatform.registry.rest;

import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.PermissionDeniedException;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.limits.RateLimitedException;
import io.mcpplatform.core.registry.VersionExistsException;
import io.mcpplatform.core.registry.VersionNotFoundException;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.StoreUnavailableException;
import io.mcpplatform.registry.auth.AuthenticationException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's REST face at {@code /v0.1/*}, compatible with the official MCP Registry API v0.1:
 * HTTP plumbing only (CORS, rate limit, body bounds, errors as {@code {"error": "..."}}, never a
 * stack trace); the operations live in {@link RestOperations}.
 */
public final class RestApiServlet extends HttpServlet {

  /** The path spec this servlet is routed at. */
  public static final String PATH_SPEC = "/v0.1/*";

  /** Largest accepted request body. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RestApiServlet.class);
  private static final String ALLOWED_METHODS = "GET, POST, PATCH, OPTIONS";

  private final transient RestOperations operations;
  private final transient ObjectMapper json;

  /**
   * @param operations what the endpoints do
   * @param json the mapper for bodies
   */
  public RestApiServlet(RestOperations operations, ObjectMapper json) {
    this.operations = operations;
    this.json = json;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    cors(request, response);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (method.equals("OPTIONS")) {
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
      response.setHeader("Access-Control-Max-Age", "600");
      response.setHeader("Allow", ALLOWED_METHODS);
      response.setStatus(204);
      return;
    }
    RestCall call =
        new RestCall(
            method,
            rawPath(request),
            request.getQueryString(),
            request.getHeader("Authorization"),
            request.getRemoteAddr());
    try {
      operations.admit(call);
      JsonNode body = null;
      if (method.equals("POST") || method.equals("PATCH")) {
        body = readBody(request);
      }
      RestOperations.Reply reply = operations.handle(call, body);
      write(response, reply.status(), reply.body());
    } catch (RestException e) {
      error(response, e.status(), e.getMessage());
    } catch (ValidationException e) {
      error(response, 400, "Invalid server.json: " + e.getMessage());
    } catch (VersionExistsException e) {
      error(response, 400, e.getMessage());
    } catch (VersionNotFoundException e) {
      error(response, 404, e.getMessage());
    } catch (AuthenticationException e) {
      response.setHeader(
          "WWW-Authenticate",
          "Bearer realm=\"mcp-registry\", error=\"invalid_token\", "
              + "error_description=\""
              + e.getMessage().replace("\"", "'")
              + "\"");
      error(response, 401, e.getMessage());
    } catch (PermissionDeniedException e) {
      error(response, 403, e.getMessage());
    } catch (RateLimitedException e) {
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      error(response, 429, e.getMessage());
    } catch (ConflictException e) {
      error(response, 409, e.getMessage() + "; retry");
    } catch (StoreUnavailableException | SecretUnavailableException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.warn("REST {} {} unavailable (ref {}): {}", method, call.path(), ref, e.getMessage());
      response.setHeader("Retry-After", "1");
      error(
          response, 503, "The registry is unavailable right now; retry shortly (ref " + ref + ")");
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("REST {} {} failed (ref {})", method, call.path(), ref, e);
      error(response, 500, "Internal error (ref " + ref + ")");
    }
  }

  /**
   * CORS for browser clients: any origin (writes are authorized by bearer tokens, never by
   * cookies).
   */
  private static void cors(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate");
  }

  /**
   * The path below {@code /v0.1}, still percent-encoded, so that {@code %2F} in a name stays inside
   * it.
   */
  private static String rawPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    int at = uri == null ? -1 : uri.indexOf("/v0.1/");
    if (at >= 0) {
      return uri.substring(at + "/v0.1".length());
    }
    String info = request.getPathInfo();
    return info == null ? "/" : info;
  }

  private JsonNode readBody(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new RestException(415, "Content-Type must be application/json");
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new RestException(413, "The request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BODY_BYTES) {
          throw new RestException(413, "The request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
      }
    }
    try {
      JsonNode body = json.readTree(out.toByteArray());
      if (body == null || !body.isObject()) {
        throw new RestException(400, "The request body must be a JSON object");
      }
      return body;
    } catch (tools.jackson.core.JacksonException e) {
      throw new RestException(400, "The request body is not valid JSON");
    }
  }

  private void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private void error(HttpServletResponse response, int status, String message) throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("error", message);
    write(response, status, body);
  }

  /**
   * One REST request as the operations see it.
   *
   * @param method upper-case HTTP method
   * @param path the path below {@code /v0.1}, percent-encoded
   * @param query the raw query string, nullable
   * @param authorization the Authorization header, nullable
   * @param source the caller's address, nullable
   */
  public record RestCall(
      String method, String path, String query, String authorization, String source) {

    /**
     * @return the caller named by a valid bearer token, or null
     */
    Caller callerOrNull(io.mcpplatform.registry.auth.TokenService tokens) {
      if (authorization == null) {
        return null;
      }
      try {
        return tokens.verifyAuthorization(authorization);
      } catch (AuthenticationException e) {
        return null;
      }
    }
  }
}
