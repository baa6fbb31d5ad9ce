package io.mcpplatform.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than a fixed number of bytes. */
final class BoundedBody {

  private BoundedBody() {}

  /**
   * @param in the body stream
   * @param maxBytes the largest body accepted
   * @return the whole body
   * @throws TooLargeException as soon as more than {@code maxBytes} arrive
   * @throws IOException if the stream fails
   */
  static byte[] read(InputStream in, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    byte[] chunk = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(chunk, 0, chunk.length)) != -1) {
      total += n;
      if (total > maxBytes) {
        throw new TooLargeException();
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  /** The body is larger than allowed. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("request body too large");
    }
  }
}
