package io.mcpplatform.mcpclient;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 exchange (or one open event stream) on a socket connected to the address the
 * session's {@link HostResolver} gave: the Host header, SNI and the certificate check use the
 * original host name, so no second name lookup ever happens. Redirects are never followed; the
 * caller sees the 3xx.
 *
 * <p>Why not the JDK's {@code HttpURLConnection} or {@code HttpClient}: neither lets the caller
 * choose the address a name connects to (Java 17 has no resolver hook), which the health checker's
 * SSRF policy needs; and a raw socket costs a command-line client less cold code than either.
 */
final class HttpConnection implements AutoCloseable {

  private final Socket socket;
  private final Budget.BoundedInput bounded;
  private final InputStream in;
  private final OutputStream out;
  private final Origin target;
  private final String userAgent;

  private HttpConnection(Socket socket, Origin target, Budget budget, String userAgent)
      throws IOException {
    this.socket = socket;
    this.target = target;
    this.userAgent = userAgent;
    this.bounded = new Budget.BoundedInput(socket, budget);
    this.in = new BufferedInputStream(bounded, 8192);
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to the address the host was resolved to.
   *
   * @param target the origin (Host header, SNI, certificate name)
   * @param address where to connect
   * @param connectMillis bound on the TCP connect
   * @param ssl TLS settings, null for the JVM default
   * @param budget the time and bytes of the request this connection serves
   * @param userAgent the User-Agent header
   * @throws McpException ({@link McpException.Kind#CONNECT}) when the connection or the TLS
   *     handshake fails
   */
  static HttpConnection open(
      Origin target,
      InetAddress address,
      int connectMillis,
      SSLContext ssl,
      Budget budget,
      String userAgent) {
    Socket socket = new Socket();
    try {
      int millis = Math.min(connectMillis, budget.remainingMillis());
      try {
        socket.connect(new InetSocketAddress(address, target.port()), millis);
      } catch (SocketTimeoutException e) {
        throw connectFailure("connect timed out after " + millis + " ms", e);
      } catch (ConnectException e) {
        throw connectFailure("connection refused", e);
      } catch (NoRouteToHostException e) {
        throw connectFailure("no route to host", e);
      }
      socket.setTcpNoDelay(true);
      Socket connected = socket;
      if (target.tls()) {
        connected = handshake(socket, target, ssl, budget);
      }
      return new HttpConnection(connected, target, budget, userAgent);
    } catch (IOException e) {
      closeQuietly(socket);
      throw connectFailure("connection failed (" + e.getClass().getSimpleName() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  static McpException connectFailure(String message, Throwable cause) {
    return new McpException(McpException.Kind.CONNECT, message, true, null, cause);
  }

  /** Reads from now on through another request's budget (a stream that serves several requests). */
  void budget(Budget budget) {
    bounded.budget(budget);
  }

  private static Socket handshake(Socket plain, Origin target, SSLContext tls, Budget budget)
      throws IOException {
    SSLContext context;
    try {
      context = tls != null ? tls : SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw connectFailure("TLS is not available", e);
    }
    SSLSocket ssl =
        (SSLSocket)
            context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
    SSLParameters params = ssl.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isIpLiteral(target.host())) {
      params.setServerNames(List.of(new SNIHostName(target.host())));
    }
    params.setApplicationProtocols(new String[] {"http/1.1"});
    ssl.setSSLParameters(params);
    try {
      ssl.setSoTimeout(budget.remainingMillis());
      ssl.startHandshake();
    } catch (SocketTimeoutException e) {
      closeQuietly(ssl);
      throw budget.timedOut(e);
    } catch (SSLException e) {
      closeQuietly(ssl);
      throw connectFailure(
          "TLS handshake failed (certificate not trusted or not for " + target.host() + ")", e);
    }
    return ssl;
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  /**
   * Sends one request and reads the response head.
   *
   * @param method GET, POST or DELETE
   * @param uri the request URI, on the target's origin
   * @param headers extra headers
   * @param body the body, or null
   * @return the response, its body still to be read from the socket
   */
  HttpResponse send(
      String method, URI uri, Map<String, String> headers, byte[] body, boolean keepOpen)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(target.hostHeader()).append("\r\n");
    head.append("User-Agent: ").append(userAgent).append("\r\n");
    headers.forEach(
        (k, v) -> {
          if (!safe(k) || !safe(v)) {
            throw new IllegalArgumentException(
                "a header name or value holds a line break or control character");
          }
          head.append(k).append(": ").append(v).append("\r\n");
        });
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (!keepOpen) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.write(body);
    }
    out.flush();
    return HttpResponse.read(in, method.equals("HEAD"));
  }

  private static boolean safe(String s) {
    return s.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do with a socket that will not close
    }
  }
}
