package io.mcpplatform.probe;

import io.mcpplatform.core.health.AddressPolicy;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link McpHealthProbe} behaves.
 *
 * @param connectTimeout bound on one TCP connect
 * @param totalTimeout bound on the whole probe, connects and reads included
 * @param maxResponseBytes bound on the bytes read from the server in one probe
 * @param addressPolicy which addresses may be connected to
 * @param resolver how host names are resolved
 * @param sslContext TLS settings (trust), null for the JVM default
 */
public record ProbeSettings(
    Duration connectTimeout,
    Duration totalTimeout,
    int maxResponseBytes,
    AddressPolicy addressPolicy,
    Resolver resolver,
    SSLContext sslContext) {

  /** Default connect timeout, 3 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Default total timeout, 10 s. */
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(10);

  /** Default response bound, 1 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;

  public ProbeSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(addressPolicy, "addressPolicy");
    Objects.requireNonNull(resolver, "resolver");
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || totalTimeout.compareTo(connectTimeout) < 0) {
      throw new IllegalArgumentException(
          "timeouts must be positive, the total at least the connect timeout");
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
    }
  }

  /**
   * @param policy which addresses may be connected to
   * @return the defaults (3 s, 10 s, 1 MiB, system resolver, default TLS) with that policy
   */
  public static ProbeSettings defaults(AddressPolicy policy) {
    return new ProbeSettings(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_TOTAL_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES,
        policy,
        Resolver.SYSTEM,
        null);
  }

  /**
   * @return these settings with other timeouts
   */
  public ProbeSettings withTimeouts(Duration connect, Duration total) {
    return new ProbeSettings(connect, total, maxResponseBytes, addressPolicy, resolver, sslContext);
  }

  /**
   * @return these settings with another resolver
   */
  public ProbeSettings withResolver(Resolver other) {
    return new ProbeSettings(
        connectTimeout, totalTimeout, maxResponseBytes, addressPolicy, other, sslContext);
  }

  /**
   * @return these settings with another response bound
   */
  public ProbeSettings withMaxResponseBytes(int bytes) {
    return new ProbeSettings(
        connectTimeout, totalTimeout, bytes, addressPolicy, resolver, sslContext);
  }

  /**
   * @return these settings with another TLS context
   */
  public ProbeSettings withSslContext(SSLContext context) {
    return new ProbeSettings(
        connectTimeout, totalTimeout, maxResponseBytes, addressPolicy, resolver, context);
  }
}
