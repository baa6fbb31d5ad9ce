package io.mcpplatform.health.probe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.security.NoSuchAlgorithmException;

/**
 * One HTTP/1.1 exchange (or one open event stream) on a socket connected to the vetted address of a
 * {@link ProbeTarget}: the Host header, SNI and the certificate check use the original host name, so no
 * second name lookup ever happens. Redirects are never followed; the caller sees the 3xx.
 */
final class HttpConnection implements AutoCloseable {

  private static final String USER_AGENT = "mcp-platform-health-checker/0.1";

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ProbeTarget target;

  private HttpConnection(Socket socket, ProbeTarget target, ProbeBudget budget) throws IOException {
    this.socket = socket;
    this.target = target;
    this.in = new BufferedInputStream(new BoundedInput(socket, budget), 8192);
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to the target's vetted address.
   *
   * @throws ProbeFailedException when the connection or the TLS handshake fails, with the reason
   */
  static HttpConnection open(ProbeTarget target, ProbeSettings settings, ProbeBudget budget)
      throws ProbeFailedException {
    Socket socket = new Socket();
    try {
      int connectMillis = (int) Math.min(settings.connectTimeout().toMillis(), budget.remainingMillis());
      try {
        socket.connect(new InetSocketAddress(target.address(), target.port()), connectMillis);
      } catch (SocketTimeoutException e) {
        throw new ProbeFailedException("connect timed out after " + connectMillis + " ms");
      } catch (ConnectException e) {
        throw new ProbeFailedException("connection refused");
      } catch (NoRouteToHostException e) {
        throw new ProbeFailedException("no route to host");
      }
      socket.setTcpNoDelay(true);
      Socket connected = socket;
      if (target.tls()) {
        connected = handshake(socket, target, settings, budget);
      }
      return new HttpConnection(connected, target, budget);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ProbeFailedException("connection failed (" + e.getClass().getSimpleName() + ")");
    } catch (ProbeFailedException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private static Socket handshake(Socket plain, ProbeTarget target, ProbeSettings settings, ProbeBudget budget)
      throws IOException, ProbeFailedException {
    SSLContext context;
    try {
      context = settings.sslContext() != null ? settings.sslContext() : SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new ProbeFailedException("TLS is not available");
    }
    SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
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
      throw budget.timedOut();
    } catch (SSLException e) {
      closeQuietly(ssl);
      throw new ProbeFailedException("TLS handshake failed (certificate not trusted or not for "
          + target.host() + ")");
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
  HttpResponse send(String method, URI uri, Map<String, String> headers, byte[] body, boolean keepOpen)
      throws IOException, ProbeFailedException {
    StringBuilder head = new StringBuilder(256);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(target.hostHeader()).append("\r\n");
    head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
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
