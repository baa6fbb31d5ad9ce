package io.mcpplatform.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /x/sse}: opens a legacy SSE session. The first event is {@code endpoint} with the
 * session's message URL; the response stays open (asynchronously, no thread held) until the client
 * leaves, the session idles out or the server stops.
 */
final class LegacySseStreamServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient LegacySseSessions sessions;

  LegacySseStreamServlet(LegacySseSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    sessions.start();
  }

  @Override
  public void destroy() {
    sessions.stop();
    super.destroy();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      JsonRpcErrors.write(
          response,
          405,
          null,
          JsonRpcErrors.SERVER_ERROR,
          "Method not allowed: GET opens the SSE stream; POST messages to the endpoint it announces");
      return;
    }
    String asked = request.getParameter("sessionId");
    if (asked != null) {
      boolean open = sessions.get(asked) != null;
      JsonRpcErrors.write(
          response,
          open ? 409 : 404,
          null,
          JsonRpcErrors.SERVER_ERROR,
          open
              ? "Conflict: this session already has its stream open; GET without sessionId opens a new session"
              : "Unknown or closed session: GET without sessionId opens a new session");
      return;
    }
    if (!sessions.reserve()) {
      JsonRpcErrors.write(
          response,
          503,
          null,
          JsonRpcErrors.SERVER_ERROR,
          "Too many open SSE sessions (limit "
              + sessions.limits().maxSessions()
              + "): close one, try again later, or use Streamable HTTP at "
              + sessions.mcpPath());
      return;
    }
    LegacySseSession session;
    try {
      response.setStatus(200);
      response.setContentType(EventStream.CONTENT_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
      AsyncContext async = request.startAsync();
      async.setTimeout(0);
      session = sessions.open(async, response.getOutputStream());
      async.addListener(new Closer(session));
    } catch (IOException | RuntimeException e) {
      sessions.release();
      throw e;
    }
    session.sendEndpoint(
        LegacySse.sibling(request.getRequestURI(), LegacySse.MESSAGES)
            + "?sessionId="
            + session.id());
  }

  /** Ends the session when the container ends the request. */
  private record Closer(LegacySseSession session) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      session.close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      session.close();
    }

    @Override
    public void onError(AsyncEvent event) {
      session.close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // the session's own start
    }
  }
}
