package io.mcpplatform.mcpclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A response head read from the wire, and its body as a stream (chunked, sized or up to close). */
final class HttpResponse {

  private static final int MAX_LINE = 8192;
  private static final int MAX_HEADERS = 100;

  final int status;
  final Map<String, String> headers;
  final InputStream body;

  private HttpResponse(int status, Map<String, String> headers, InputStream body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * @return whether the connection may carry another request: the body was read to its end and the
   *     server did not ask to close
   */
  boolean reusable() {
    String connection = header("connection");
    boolean ended = body instanceof Ended e ? e.ended() : body == EMPTY;
    return ended && (connection == null || !connection.toLowerCase(Locale.ROOT).contains("close"));
  }

  /** A body that knows whether it was read to its end. */
  private interface Ended {
    boolean ended();
  }

  private static final InputStream EMPTY = InputStream.nullInputStream();

  /**
   * @return the header's value (the last one when repeated), or null
   */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * @return the media type without parameters, lower case, or ""
   */
  String mediaType() {
    String type = header("content-type");
    if (type == null) {
      return "";
    }
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The failure for a status other than the accepted ones: a redirect (never followed) names where
   * it pointed; otherwise the JSON-RPC error message in the body when there is one, else the start
   * of the body.
   *
   * @param what the request, for the message ("initialize")
   * @return the failure to throw
   */
  McpException failure(String what) {
    if (status >= 300 && status < 400) {
      String location = header("location");
      return new McpException(
          McpException.Kind.HTTP,
          "answered "
              + what
              + " with a redirect (HTTP "
              + status
              + (location == null ? "" : " to " + clip(location, 200))
              + "), which is not followed; use that URL",
          false,
          null,
          null);
    }
    String text = "";
    try {
      text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException | McpException e) {
      // no body to quote
    }
    String detail = null;
    try {
      Map<String, Object> json = text.isBlank() ? null : Json.object(Json.parse(text));
      Map<String, Object> error = json == null ? null : Json.object(json.get("error"));
      detail = error == null ? null : Json.string(error, "message");
    } catch (IllegalArgumentException e) {
      // not JSON: quoted as text below
    }
    if (detail == null && !text.isBlank()) {
      detail = text.strip();
    }
    boolean retriable = status >= 500 || status == 408 || status == 429;
    String hint =
        status == 401 || status == 403 ? " (check the credentials configured for this server)" : "";
    return new McpException(
        McpException.Kind.HTTP,
        "HTTP " + status + " for " + what + (detail == null ? "" : ": " + clip(detail, 200)) + hint,
        retriable,
        null,
        null);
  }

  /**
   * @return the text on one line, cut at {@code max} characters
   */
  static String clip(String s, int max) {
    String oneLine = s.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }

  /** Reads a response head, skipping interim 1xx responses. */
  static HttpResponse read(InputStream in, boolean headRequest) throws IOException {
    while (true) {
      String statusLine = line(in);
      if (statusLine == null || !statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw McpException.protocol("the server did not answer with HTTP");
      }
      int status;
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw McpException.protocol("the server did not answer with HTTP");
      }
      Map<String, String> headers = new HashMap<>();
      String line;
      int count = 0;
      while ((line = line(in)) != null && !line.isEmpty()) {
        if (++count > MAX_HEADERS) {
          throw McpException.protocol("the server sent too many headers");
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      if (line == null) {
        throw McpException.protocol("the server closed the connection mid-response");
      }
      if (status >= 100 && status < 200) {
        continue;
      }
      return new HttpResponse(status, headers, body(in, status, headers, headRequest));
    }
  }

  private static InputStream body(
      InputStream in, int status, Map<String, String> headers, boolean head) {
    if (head || status == 204 || status == 304) {
      return EMPTY;
    }
    String te = headers.get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new ChunkedInput(in);
    }
    String length = headers.get("content-length");
    if (length != null) {
      try {
        long n = Long.parseLong(length.trim());
        if (n < 0) {
          throw new NumberFormatException();
        }
        return new LimitedInput(in, n);
      } catch (NumberFormatException e) {
        throw McpException.protocol("the server sent a malformed Content-Length");
      }
    }
    return in;
  }

  /** Reads one CRLF (or LF) terminated line as ISO-8859-1, or null at the end of the stream. */
  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] b = buf.toByteArray();
        int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (buf.size() >= MAX_LINE) {
        throw McpException.protocol("the server sent a line longer than " + MAX_LINE + " bytes");
      }
      buf.write(c);
    }
    return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
  }

  /** A body of known length. */
  private static final class LimitedInput extends InputStream implements Ended {
    private final InputStream in;
    private long left;

    LimitedInput(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public boolean ended() {
      return left <= 0;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int c = in.read();
      if (c >= 0) {
        left--;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** A chunked body. */
  private static final class ChunkedInput extends InputStream implements Ended {
    private final InputStream in;
    private long left;
    private boolean done;
    private boolean cut;

    ChunkedInput(InputStream in) {
      this.in = in;
    }

    @Override
    public boolean ended() {
      return done && !cut;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        try {
          String size = line(in);
          if (size != null && size.isEmpty()) {
            size = line(in);
          }
          if (size == null) {
            done = true;
            cut = true;
            return -1;
          }
          int semi = size.indexOf(';');
          left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
          if (left == 0) {
            // the last chunk: its trailer lines end with an empty one, after which the next
            // response starts
            String trailer;
            while ((trailer = line(in)) != null && !trailer.isEmpty()) {
              continue;
            }
            cut = trailer == null;
            done = true;
            return -1;
          }
        } catch (McpException | NumberFormatException e) {
          throw new java.io.IOException("malformed chunked body");
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      } else if (n < 0) {
        done = true;
        cut = true;
      }
      return n;
    }
  }
}
