package io.mcpplatform.mcpclient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05): a GET opens an event stream whose first
 * {@code endpoint} event names where to POST messages; the server accepts each POST (202) and the
 * answer arrives on the stream. The message endpoint must be on the stream's origin, so every
 * connection goes to the session's one address. Requests take turns: the stream is read by the
 * thread awaiting an answer.
 */
final class LegacySseWire implements Wire {

  private final Endpoint endpoint;
  private HttpConnection stream;
  private SseReader events;
  private URI messages;

  LegacySseWire(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public synchronized Map<String, Object> exchange(
      Map<String, Object> message, String method, Budget budget, Inbox inbox) {
    try {
      if (stream == null) {
        open(budget);
      }
      stream.budget(budget);
      Object inline = post(message, method, budget);
      Map<String, Object> found = inline == null ? null : inbox.take(inline);
      SseReader.Event event;
      while (found == null && (event = events.next()) != null) {
        if (!event.data().isEmpty() && event.type().equals("message")) {
          found = inbox.take(StreamableHttpWire.parseEvent(event, method));
        }
      }
      if (found == null) {
        throw new McpException(
            McpException.Kind.PROTOCOL,
            "the server closed its event stream before answering " + method,
            true,
            null,
            null);
      }
      return found;
    } catch (IOException e) {
      throw McpSession.ioFailure(e);
    } catch (UncheckedIOException e) {
      throw McpSession.ioFailure(e.getCause());
    }
  }

  /** Opens the stream and waits for the {@code endpoint} event. */
  private void open(Budget budget) throws IOException {
    HttpConnection c = endpoint.open(budget);
    try {
      Map<String, String> headers = endpoint.headers();
      headers.put("Accept", "text/event-stream");
      headers.put("Cache-Control", "no-cache");
      HttpResponse response = c.send("GET", endpoint.uri, headers, null, true);
      if (response.status != 200) {
        throw response.failure("the event stream request");
      }
      if (!response.mediaType().equals("text/event-stream")) {
        throw McpException.protocol(
            "the SSE URL did not open an event stream (content type '"
                + HttpResponse.clip(response.mediaType(), 80)
                + "')");
      }
      SseReader reader = new SseReader(response.body);
      SseReader.Event event;
      while ((event = reader.next()) != null) {
        if (event.type().equals("endpoint")) {
          URI target;
          try {
            target = endpoint.uri.resolve(event.data().trim());
          } catch (IllegalArgumentException e) {
            throw McpException.protocol("the endpoint event holds no usable URL");
          }
          if (!endpoint.origin.same(target)) {
            throw McpException.protocol(
                "the endpoint event names another origin, which is not followed");
          }
          stream = c;
          events = reader;
          messages = target;
          return;
        }
      }
      throw McpException.protocol("the event stream ended without an endpoint event");
    } finally {
      if (stream != c) {
        c.close();
      }
    }
  }

  /** Posts one message; returns a JSON body some servers answer with directly, else null. */
  private Object post(Map<String, Object> message, String what, Budget budget) throws IOException {
    HttpConnection c = endpoint.open(budget);
    try {
      HttpResponse response =
          c.send("POST", messages, endpoint.postHeaders(), Json.write(message), false);
      if (response.status < 200 || response.status > 299) {
        throw response.failure(what);
      }
      if (response.status == 200 && response.mediaType().equals("application/json")) {
        byte[] body = response.body.readAllBytes();
        return body.length == 0
            ? null
            : StreamableHttpWire.parse(new ByteArrayInputStream(body), what);
      }
      return null;
    } finally {
      c.close();
    }
  }

  @Override
  public synchronized void send(Map<String, Object> message, String what, Budget budget) {
    try {
      if (stream == null) {
        open(budget);
      }
      post(message, what, budget);
    } catch (IOException e) {
      throw McpSession.ioFailure(e);
    }
  }

  @Override
  public synchronized void reset() {
    close();
  }

  @Override
  public synchronized void close() {
    if (stream != null) {
      stream.close();
      stream = null;
      events = null;
      messages = null;
    }
  }
}
