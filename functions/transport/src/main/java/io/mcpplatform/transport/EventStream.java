package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code text/event-stream} answer to one POST: each message is one {@code message} event with an
 * increasing {@code id}, flushed as it is written. A client that disconnects ends the writing, not
 * the call: later messages are dropped and the tool runs to its end.
 */
final class EventStream implements MessageSink {

  static final String CONTENT_TYPE = "text/event-stream";
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final HttpServletResponse response;
  private long nextId = 1;
  private boolean broken;

  private EventStream(HttpServletResponse response) {
    this.response = response;
  }

  /**
   * Commits the response as an event stream.
   *
   * @param response the POST's response, not yet committed
   * @return the stream
   */
  static EventStream open(HttpServletResponse response) {
    response.setStatus(200);
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    // a reverse proxy in front of the local server must not hold events back
    response.setHeader("X-Accel-Buffering", "no");
    EventStream stream = new EventStream(response);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      stream.gone(e);
    }
    return stream;
  }

  /**
   * Frames one message as an event: {@code id}, {@code event: message}, one {@code data} line per
   * line.
   *
   * @param id the event id
   * @param json the message
   * @return the event's bytes, blank line included
   */
  static byte[] frame(long id, byte[] json) {
    StringBuilder event =
        new StringBuilder(json.length + 40).append("id: ").append(id).append("\nevent: message\n");
    for (String line : new String(json, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1)) {
      event.append("data: ").append(line).append('\n');
    }
    return event.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void send(byte[] json) {
    if (broken) {
      return;
    }
    try {
      OutputStream out = response.getOutputStream();
      out.write(frame(nextId++, json));
      out.flush();
    } catch (IOException | IllegalStateException e) {
      gone(e);
    }
  }

  private void gone(Exception e) {
    broken = true;
    LOG.debug("The client left the event stream; later events are dropped: {}", e.toString());
  }
}
