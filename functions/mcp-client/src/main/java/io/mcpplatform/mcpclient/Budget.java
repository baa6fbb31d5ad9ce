package io.mcpplatform.mcpclient;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * The time and bytes a request may still spend, optionally inside a session-wide allowance (the
 * health checker's bound on a whole probe). Reads through {@link #input} wait at most the time left
 * and count against both byte bounds.
 */
final class Budget {

  private final long deadline;
  private final long maxBytes;
  private final long timeoutMillis;
  private final Budget parent;
  private long bytes;

  private Budget(long deadline, long timeoutMillis, long maxBytes, Budget parent) {
    this.deadline = deadline;
    this.timeoutMillis = timeoutMillis;
    this.maxBytes = maxBytes;
    this.parent = parent;
  }

  /**
   * @return a budget of this many milliseconds and bytes from now
   */
  static Budget of(long timeoutMillis, long maxBytes) {
    return new Budget(
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
        timeoutMillis,
        maxBytes,
        null);
  }

  /**
   * @return a budget for one request inside this one: the smaller time and byte bounds apply
   */
  Budget request(long timeoutMillis, long maxBytes) {
    long own = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    return new Budget(
        own - deadline < 0 ? own : deadline,
        deadline - own < 0 ? this.timeoutMillis : timeoutMillis,
        maxBytes,
        this);
  }

  /**
   * @return milliseconds left, at least 1
   * @throws McpException when none are left
   */
  int remainingMillis() {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw timedOut(null);
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  /**
   * @return whether the time is spent
   */
  boolean expired() {
    return deadline - System.nanoTime() <= 0;
  }

  McpException timedOut(Throwable cause) {
    return new McpException(
        McpException.Kind.TIMEOUT,
        "timed out (no complete answer within " + timeoutMillis + " ms)",
        true,
        null,
        cause);
  }

  /** Counts bytes read from the server. */
  synchronized void consume(int n) {
    bytes += n;
    if (bytes > maxBytes) {
      throw new McpException(
          McpException.Kind.TOO_LARGE,
          "the server sent more than " + size(maxBytes),
          false,
          null,
          null);
    }
    if (parent != null) {
      parent.consume(n);
    }
  }

  private static String size(long n) {
    return n % (1024 * 1024) == 0 ? n / (1024 * 1024) + " MB" : n + " bytes";
  }

  /** The socket's input, read through whichever budget the connection's current request has. */
  static final class BoundedInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private volatile Budget budget;

    BoundedInput(Socket socket, Budget budget) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.budget = budget;
    }

    void budget(Budget current) {
      this.budget = current;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Budget current = budget;
      try {
        socket.setSoTimeout(current.remainingMillis());
        int n = in.read(b, off, len);
        if (n > 0) {
          current.consume(n);
        }
        return n;
      } catch (SocketTimeoutException e) {
        throw current.timedOut(e);
      }
    }
  }
}
