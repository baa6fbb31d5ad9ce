package io.mcpplatform.local.http;

import io.mcpplatform.transport.GuardedServlet;
import io.mcpplatform.transport.HostGuard;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.RouteDispatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local HTTP host: serves the functions' {@link Route}s from one embedded Jetty 12 (ee10) on
 * loopback, with the same paths and routing as API Gateway, plus {@code GET /healthz}. Unknown
 * paths get a 404 JSON error. On a loopback address every route is behind DNS-rebinding protection
 * ({@link HostGuard}: Host must be {@code 127.0.0.1:PORT}, {@code localhost:PORT} or {@code
 * [::1]:PORT}, Origin, when sent, one of those over http). {@link #stop()} is graceful: requests in
 * flight finish, new connections are refused.
 */
public final class LocalHttpServer implements AutoCloseable {

  /** Default bind address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default port, SAM's {@code start-api} port. */
  public static final int DEFAULT_PORT = 3000;

  /** Path of the liveness endpoint. */
  public static final String HEALTH_PATH = "/healthz";

  private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);
  private static final long STOP_TIMEOUT_MS = 5_000;

  private final String host;
  private final int requestedPort;
  private final List<Route> routes;
  private final List<String> extraOrigins;
  private Server server;
  private int port = -1;

  /**
   * @param host address to bind, such as {@code 127.0.0.1}
   * @param port port to bind, 0 for any free port
   * @param routes the functions' routes; {@code /healthz} is added
   */
  public LocalHttpServer(String host, int port, List<Route> routes) {
    this(host, port, routes, List.of());
  }

  /**
   * @param host address to bind, such as {@code 127.0.0.1}
   * @param port port to bind, 0 for any free port
   * @param routes the functions' routes; {@code /healthz} is added
   * @param extraOrigins further browser origins allowed through the DNS-rebinding check
   */
  public LocalHttpServer(String host, int port, List<Route> routes, List<String> extraOrigins) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    this.host = host;
    this.requestedPort = port;
    this.routes = List.copyOf(routes);
    this.extraOrigins = List.copyOf(extraOrigins);
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this server
   * @throws IOException if the port cannot be bound (in use, say)
   * @throws IllegalStateException if already started
   */
  public synchronized LocalHttpServer start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("local-http");
    Server jetty = new Server(threads);
    // the registry REST API names servers as percent-encoded path segments (com.example%2Fweather)
    HttpConfiguration http = new HttpConfiguration();
    http.setUriCompliance(
        UriCompliance.DEFAULT.with(
            "registry-names", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(requestedPort);
    jetty.addConnector(connector);
    try {
      connector.open();
    } catch (IOException e) {
      throw new IOException(
          "Cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
    }
    int boundPort = connector.getLocalPort();

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.getServletHandler().setDecodeAmbiguousURIs(true);
    context.addServlet(new ServletHolder("routes", new RouteDispatcher(allRoutes(boundPort))), "/");
    context.setErrorHandler(new JsonErrorHandler());
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setHandler(new GracefulHandler(context));
    jetty.setStopTimeout(STOP_TIMEOUT_MS);
    jetty.setStopAtShutdown(false);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      throw new IOException("Cannot start the HTTP server on " + host + ":" + boundPort, e);
    }
    this.server = jetty;
    this.port = boundPort;
    LOG.info("Listening on {}", baseUri());
    return this;
  }

  private List<Route> allRoutes(int boundPort) {
    HostGuard guard = guardFor(boundPort);
    List<Route> all = new ArrayList<>(routes.size() + 1);
    for (Route route : routes) {
      all.add(
          guard == null
              ? route
              : new Route(route.pathSpec(), new GuardedServlet(guard, route.servlet())));
    }
    all.add(new Route(HEALTH_PATH, new HealthServlet()));
    return all;
  }

  private HostGuard guardFor(int boundPort) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      address = null;
    }
    if (address != null && address.isLoopbackAddress()) {
      return HostGuard.loopback(boundPort, extraOrigins);
    }
    if (address != null && address.isAnyLocalAddress()) {
      LOG.warn(
          "Bound to every interface ({}): Host/Origin checks are off, anyone on the network can call",
          host);
      return null;
    }
    HostGuard loopback = HostGuard.loopback(boundPort, extraOrigins);
    Set<String> hosts = new LinkedHashSet<>(loopback.allowedHosts());
    String authority = hostForUri() + ":" + boundPort;
    hosts.add(authority);
    Set<String> origins = new LinkedHashSet<>(loopback.allowedOrigins());
    origins.add("http://" + authority);
    return new HostGuard(hosts, origins);
  }

  private String hostForUri() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * @return the bound port, or -1 before {@link #start()}
   */
  public synchronized int port() {
    return port;
  }

  /**
   * @return {@code http://HOST:PORT} of the running server
   */
  public synchronized URI baseUri() {
    if (port < 0) {
      throw new IllegalStateException("not started");
    }
    return URI.create("http://" + hostForUri() + ":" + port);
  }

  /**
   * @return true while serving
   */
  public synchronized boolean isRunning() {
    return server != null && server.isRunning();
  }

  /**
   * Stops gracefully: stops accepting, lets requests in flight finish (up to 5 s), then closes.
   * Safe to call more than once, and from a shutdown hook.
   */
  public void stop() {
    Server toStop;
    synchronized (this) {
      toStop = server;
      server = null;
    }
    if (toStop != null) {
      stopQuietly(toStop);
      LOG.info("Stopped");
    }
  }

  /**
   * Blocks until the server has stopped.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void join() throws InterruptedException {
    Server running;
    synchronized (this) {
      running = server;
    }
    if (running != null) {
      running.join();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("The HTTP server did not stop cleanly", e);
    }
  }
}
