package io.mcpplatform.local.http;

import io.mcpplatform.transport.JsonRpcErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /healthz}: the local process is up. */
final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      JsonRpcErrors.write(
          response, 405, null, JsonRpcErrors.SERVER_ERROR, "Method not allowed: use GET");
      return;
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(OK.length);
    if ("GET".equals(method)) {
      response.getOutputStream().write(OK);
    }
  }
}
