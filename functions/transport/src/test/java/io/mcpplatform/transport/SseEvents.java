package io.mcpplatform.transport;

import java.util.ArrayList;
import java.util.List;

/** Parses a {@code text/event-stream} body as the HTML standard defines it, for tests. */
public final class SseEvents {

  /** One dispatched event. */
  public record Event(String id, String event, String data) {}

  private SseEvents() {}

  /**
   * @param body a whole event stream
   * @return its events in order; an unfinished last event (no blank line) is not dispatched
   */
  public static List<Event> parse(String body) {
    List<Event> events = new ArrayList<>();
    String id = null;
    String type = null;
    StringBuilder data = null;
    for (String line : body.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(new Event(id, type == null ? "message" : type, data.toString()));
        }
        type = null;
        data = null;
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
      switch (field) {
        case "id" -> id = value;
        case "event" -> type = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {
          // retry and unknown fields do not matter here
        }
      }
    }
    return events;
  }
}
