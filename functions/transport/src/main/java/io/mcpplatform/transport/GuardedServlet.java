package io.mcpplatform.transport;

import java.io.IOException;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts a {@link HostGuard} in front of any servlet: a request with a foreign {@code Host} or
 * {@code Origin} gets a JSON-RPC error and never reaches the servlet.
 */
public final class GuardedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HostGuard guard;
    private final HttpServlet delegate;

    /**
     * @param guard    the allowed hosts and origins
     * @param delegate the servlet to protect
     */
    public GuardedServlet(HostGuard guard, HttpServlet delegate) {
        if (guard == null || delegate == null) {
            throw new IllegalArgumentException("guard and delegate are required");
        }
        this.guard = guard;
        this.delegate = delegate;
    }

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
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HostGuard.Rejection rejection = guard.check(request);
        if (rejection != null) {
            JsonRpcErrors.write(response, rejection.httpStatus(), null, JsonRpcErrors.SERVER_ERROR,
                    rejection.message());
            return;
        }
        delegate.service(request, response);
    }
}
