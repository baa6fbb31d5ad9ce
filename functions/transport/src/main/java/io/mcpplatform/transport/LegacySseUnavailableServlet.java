package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers the legacy SSE paths where connections cannot be held open (Lambda behind API Gateway,
 * which answers each request whole): a JSON-RPC error that says so and gives the Streamable HTTP
 * URL to use.
 */
final class LegacySseUnavailableServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = LegacySse.sibling(request.getRequestURI(), "/mcp");
    String host = request.getHeader("Host");
    Object stage = request.getAttribute(RouteDispatcher.STAGE_PREFIX_ATTRIBUTE);
    // API Gateway's own host names carry the stage in the URL; a custom domain maps it away
    if (stage instanceof String prefix
        && !path.startsWith(prefix + "/")
        && host != null
        && host.endsWith(".amazonaws.com")) {
      path = prefix + path;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    String url =
        host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")
            ? path
            : (proto == null || !proto.matches("https?") ? "https" : proto) + "://" + host + path;
    JsonRpcErrors.write(
        response,
        400,
        null,
        JsonRpcErrors.SERVER_ERROR,
        "The legacy HTTP+SSE transport needs a long-lived connection, which this deployment (AWS Lambda"
            + " behind API Gateway) cannot hold. Use Streamable HTTP instead: "
            + url
            + " (Claude Code: claude mcp add --transport http NAME "
            + url
            + "; stdio-only clients: npx mcp-remote "
            + url
            + ")");
  }
}
