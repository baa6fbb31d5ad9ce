package io.mcpplatform.mcpclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} body event by event, as the HTML server-sent events
 * specification parses it: lines end with CR, LF or CRLF; {@code data} lines join with LF; a blank
 * line dispatches; lines starting with a colon are comments; an event cut off by the end of the
 * stream is dropped.
 */
final class SseReader {

  /**
   * One dispatched event.
   *
   * @param id its {@code id} field, null when it had none
   * @param type its {@code event} field, {@code message} by default
   * @param data its data, empty when it had none (an event may only carry an id or a retry)
   * @param retryMillis its {@code retry} field, -1 when it had none
   */
  record Event(String id, String type, String data, long retryMillis) {}

  private final BufferedReader lines;

  /**
   * @param in the response body; the caller closes it
   */
  SseReader(InputStream in) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /**
   * @return the next event, or null at the end of the stream
   * @throws IOException when reading fails
   */
  Event next() throws IOException {
    StringBuilder data = null;
    String type = null;
    String id = null;
    long retry = -1;
    boolean any = false;
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        if (any) {
          return new Event(
              id,
              type == null || type.isEmpty() ? "message" : type,
              data == null ? "" : data.toString(),
              retry);
        }
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value =
          colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
      switch (field) {
        case "data" -> {
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          any = true;
        }
        case "event" -> {
          type = value;
          any = true;
        }
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            id = value;
            any = true;
          }
        }
        case "retry" -> {
          if (!value.isEmpty()
              && value.chars().allMatch(c -> c >= '0' && c <= '9')
              && value.length() < 10) {
            retry = Long.parseLong(value);
            any = true;
          }
        }
        default -> {
          // unknown fields are ignored
        }
      }
    }
    return null;
  }
}
