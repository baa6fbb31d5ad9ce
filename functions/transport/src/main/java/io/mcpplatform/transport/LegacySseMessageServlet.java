package io.mcpplatform.transport;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /x/messages?sessionId=...}: hands the message to the endpoint's {@link
 * StatelessMcpServlet} (same checks, tools and screening as Streamable HTTP), answers 202 and
 * writes the JSON-RPC response, and any progress notifications, to the session's stream. A message
 * refused before it reaches the server (bad JSON, wrong content type, too large) is answered on the
 * POST itself with its JSON-RPC error.
 */
final class LegacySseMessageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient LegacySseSessions sessions;
  private final StatelessMcpServlet mcp;

  LegacySseMessageServlet(LegacySseSessions sessions, StatelessMcpServlet mcp) {
    this.sessions = sessions;
    this.mcp = mcp;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      JsonRpcErrors.write(
          response,
          405,
          null,
          JsonRpcErrors.SERVER_ERROR,
          "Method not allowed: POST JSON-RPC messages here; GET the stream at "
              + LegacySse.sibling(request.getRequestURI(), LegacySse.STREAM));
      return;
    }
    String id = request.getParameter("sessionId");
    if (id == null || id.isBlank()) {
      JsonRpcErrors.write(
          response,
          400,
          null,
          JsonRpcErrors.INVALID_REQUEST,
          "Bad Request: the sessionId query parameter is required (from the stream's endpoint event)");
      return;
    }
    LegacySseSession session = sessions.get(id);
    if (session == null) {
      JsonRpcErrors.write(
          response,
          404,
          null,
          JsonRpcErrors.SERVER_ERROR,
          "Unknown or closed session: open a new stream at "
              + LegacySse.sibling(request.getRequestURI(), LegacySse.STREAM));
      return;
    }
    session.touch();
    CapturedResponse captured = new CapturedResponse(response);
    mcp.service(new SessionRequest(request, session), captured);
    int status = captured.capturedStatus();
    if (status == 200) {
      if (!session.offer(captured.body())) {
        JsonRpcErrors.write(
            response,
            503,
            null,
            JsonRpcErrors.SERVER_ERROR,
            session.isOpen()
                ? "Service unavailable: the session's stream is not being read (queue full); read it or reconnect"
                : "Unknown or closed session: the stream closed before the answer could be sent");
        return;
      }
      status = 202;
    }
    if (status == 202) {
      response.setStatus(202);
      response.setContentLength(0);
      return;
    }
    JsonRpcErrors.writeJson(response, status, captured.body());
  }

  /**
   * The message as the MCP servlet sees it: plain JSON asked for (the session's stream carries the
   * answer), no protocol-version header (the legacy transport has none), and the session as the
   * notification sink.
   */
  private static final class SessionRequest extends HttpServletRequestWrapper {
    private static final List<String> HIDDEN = List.of("accept", "mcp-protocol-version");

    SessionRequest(HttpServletRequest request, LegacySseSession session) {
      super(request);
      request.setAttribute(MessageSink.ATTRIBUTE, session);
    }

    @Override
    public String getHeader(String name) {
      String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      return "accept".equals(lower)
          ? "application/json"
          : HIDDEN.contains(lower) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      String value = getHeader(name);
      String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      return HIDDEN.contains(lower)
          ? Collections.enumeration(value == null ? List.of() : List.of(value))
          : super.getHeaders(name);
    }
  }
}
