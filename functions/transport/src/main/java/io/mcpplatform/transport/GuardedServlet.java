package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts a {@link HostGuard} in front of any servlet: a request with a foreign {@code Host} or {@code
 * Origin} gets a JSON-RPC error and never reaches the servlet.
 */
public final class GuardedServlet extends FrontServlet {

  private static final long serialVersionUID = 1L;

  private final transient HostGuard guard;

  /**
   * @param guard the allowed hosts and origins
   * @param delegate the servlet to protect
   */
  public GuardedServlet(HostGuard guard, HttpServlet delegate) {
    super(delegate);
    if (guard == null) {
      throw new IllegalArgumentException("guard and delegate are required");
    }
    this.guard = guard;
  }

  @Override
  protected boolean admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HostGuard.Rejection rejection = guard.check(request);
    if (rejection != null) {
      JsonRpcErrors.write(
          response, rejection.httpStatus(), null, JsonRpcErrors.SERVER_ERROR, rejection.message());
      return false;
    }
    return true;
  }
}
