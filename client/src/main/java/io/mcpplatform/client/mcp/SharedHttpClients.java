package io.mcpplatform.client.mcp;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK HTTP clients every MCP session of one connector shares: one for {@code http} endpoints, one for
 * {@code https}, each built on first use. Sharing keeps one connection pool (the registry and the servers
 * of the local system sit on one host and port, so later sessions reuse open connections) and builds the
 * client's machinery once. HTTP/1.1, redirects never followed.
 *
 * <p>The {@code http} client is given a TLS context that refuses to create engines: the JDK's client
 * needs some context to be built, and the default one loads the security providers, the cipher suites and
 * the trust store, a large share of a short command's start-up, for a client that never negotiates TLS.
 * Since redirects are not followed, that client cannot be led to an {@code https} URL.
 */
final class SharedHttpClients {

  private final Duration connectTimeout;
  private HttpClient plain;
  private HttpClient tls;

  /** @param connectTimeout bound on opening a connection */
  SharedHttpClients(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * @param https whether the endpoint is {@code https}
   * @return a builder for the MCP SDK's transport whose {@code build()} hands out the shared client
   */
  HttpClient.Builder builderFor(boolean https) {
    return new SharedBuilder(this, https);
  }

  synchronized HttpClient client(boolean https) {
    if (https) {
      if (tls == null) {
        tls = base().build();
      }
      return tls;
    }
    if (plain == null) {
      plain = base().sslContext(new NoTlsContext()).sslParameters(new SSLParameters()).build();
    }
    return plain;
  }

  private HttpClient.Builder base() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout);
  }

  /**
   * What the SDK's transport builder is given: it sets the connect timeout (which must be the shared
   * client's) and builds. Any other setting would silently not apply to a shared client, so it is refused.
   */
  private static final class SharedBuilder implements HttpClient.Builder {
    private final SharedHttpClients owner;
    private final boolean https;

    SharedBuilder(SharedHttpClients owner, boolean https) {
      this.owner = owner;
      this.https = https;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
      if (!owner.connectTimeout.equals(duration)) {
        throw new IllegalArgumentException("The shared HTTP client connects within " + owner.connectTimeout);
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return owner.client(https);
    }

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
      throw refused();
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
      throw refused();
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
      throw refused();
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
      throw refused();
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
      throw refused();
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
      throw refused();
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      throw refused();
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
      throw refused();
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
      throw refused();
    }

    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("The shared HTTP client is configured by the connector");
    }
  }

  /** A TLS context for a client that only ever speaks plain HTTP: any attempt to use TLS fails. */
  private static final class NoTlsContext extends SSLContext {
    NoTlsContext() {
      super(new Spi(), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {
      @Override
      protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
        // nothing to set up: no TLS
      }

      @Override
      protected SSLSocketFactory engineGetSocketFactory() {
        throw noTls();
      }

      @Override
      protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw noTls();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine() {
        throw noTls();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw noTls();
      }

      @Override
      protected SSLSessionContext engineGetServerSessionContext() {
        throw noTls();
      }

      @Override
      protected SSLSessionContext engineGetClientSessionContext() {
        throw noTls();
      }

      @Override
      protected SSLParameters engineGetDefaultSSLParameters() {
        return new SSLParameters();
      }

      @Override
      protected SSLParameters engineGetSupportedSSLParameters() {
        return new SSLParameters();
      }

      private static UnsupportedOperationException noTls() {
        return new UnsupportedOperationException("This HTTP client is for plain http endpoints only");
      }
    }
  }
}
