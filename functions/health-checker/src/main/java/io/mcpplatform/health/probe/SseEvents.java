package io.mcpplatform.health.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads server-sent events from a response body, one event at a time. */
final class SseEvents {

  /**
   * One event.
   *
   * @param name the {@code event:} field, {@code message} when absent
   * @param data the {@code data:} lines joined by newlines
   */
  record Event(String name, String data) {
  }

  private final InputStream in;

  SseEvents(InputStream in) {
    this.in = in;
  }

  /** @return the next event, or null when the stream ends */
  Event next() throws IOException, ProbeFailedException {
    String name = null;
    StringBuilder data = null;
    String raw;
    while ((raw = HttpResponse.line(in)) != null) {
      String line = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(name == null ? "message" : name, data.toString());
        }
        name = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        name = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return data == null ? null : new Event(name == null ? "message" : name, data.toString());
  }
}
