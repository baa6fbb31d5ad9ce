package io.mcpplatform.local;

import io.mcpplatform.core.health.RunSummary;
import io.mcpplatform.health.LocalHealthChecks;
import io.mcpplatform.transport.JsonRpcErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /admin/health-check}: runs the health checker at once and answers with the run's
 * summary. Only callers on loopback may trigger it.
 */
final class HealthCheckTriggerServlet extends HttpServlet {

  static final String PATH = "/admin/health-check";
  private static final long serialVersionUID = 1L;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final transient LocalHealthChecks checks;

  HealthCheckTriggerServlet(LocalHealthChecks checks) {
    this.checks = checks;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      JsonRpcErrors.write(
          response, 405, null, JsonRpcErrors.SERVER_ERROR, "Method not allowed: use POST");
      return;
    }
    if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
      JsonRpcErrors.write(
          response,
          403,
          null,
          JsonRpcErrors.SERVER_ERROR,
          "Only loopback callers may trigger checks");
      return;
    }
    RunSummary s = checks.runNow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("servers", s.servers());
    body.put("checked", s.checked());
    body.put("up", s.up());
    body.put("down", s.down());
    body.put("refused", s.refused());
    body.put("unhealthy", s.unhealthy());
    body.put("errors", s.errors());
    body.put("durationMillis", s.durationMillis());
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
