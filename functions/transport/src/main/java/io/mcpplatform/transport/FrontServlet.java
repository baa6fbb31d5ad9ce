package io.mcpplatform.transport;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A check in front of another servlet: each request is first shown to {@link #admit}, which either
 * lets it through or answers it itself. The wrapped servlet's life cycle follows this one's.
 */
public abstract class FrontServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final HttpServlet delegate;

  /**
   * @param delegate the servlet behind the check
   */
  protected FrontServlet(HttpServlet delegate) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate is required");
    }
    this.delegate = delegate;
  }

  /**
   * @param request the request
   * @param response its response, written here when the request is refused
   * @return true to pass the request on, false when the response has been written
   * @throws IOException if the refusal cannot be written
   */
  protected abstract boolean admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException;

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    delegate.init(config);
  }

  @Override
  public void destroy() {
    delegate.destroy();
    super.destroy();
  }

  @Override
  protected final void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (admit(request, response)) {
      delegate.service(request, response);
    }
  }
}
