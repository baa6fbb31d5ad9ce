package io.mcpplatform.mcpclient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * MCP Streamable HTTP: each message is a POST to the endpoint (on a kept-alive connection when the
 * last answer was read to its end), accepting {@code application/json} and {@code
 * text/event-stream}. A JSON answer is read whole; an event stream is read until the response
 * arrives, resumed with {@code Last-Event-ID} when the server closes it early after giving event
 * ids. The session id handed out on {@code initialize} goes on every later request; the session is
 * ended with a DELETE. The optional GET stream for server-initiated messages is not opened: the
 * client declares no capability that needs it.
 */
final class StreamableHttpWire implements Wire {

  private static final int MAX_RESUMES = 5;
  private static final int MAX_SESSION_ID = 256;

  private final Endpoint endpoint;
  private volatile String sessionId;

  StreamableHttpWire(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public Map<String, Object> exchange(
      Map<String, Object> message, String method, Budget budget, Inbox inbox) {
    String sent = sessionId;
    Endpoint.Exchange exchange = null;
    try {
      exchange =
          endpoint.send(
              "POST",
              endpoint.uri,
              headers(endpoint.postHeaders(), sent),
              Json.write(message),
              budget);
      HttpResponse response = exchange.response();
      if ("initialize".equals(method)) {
        String id = response.header("mcp-session-id");
        sessionId = id != null && !id.isBlank() && id.length() <= MAX_SESSION_ID ? id : null;
      }
      if (response.status == 404 && sent != null) {
        throw new SessionExpired();
      }
      if (response.status < 200 || response.status > 299) {
        throw response.failure(method);
      }
      String type = response.mediaType();
      if (type.equals("text/event-stream")) {
        return awaitOnStream(response, method, budget, inbox);
      }
      if (response.status == 202) {
        throw McpException.protocol(
            "the server accepted " + method + " without answering it (HTTP 202)");
      }
      if (!type.equals("application/json")) {
        throw McpException.protocol(
            "the server answered "
                + method
                + " with "
                + (type.isEmpty()
                    ? "no content type"
                    : "content type " + HttpResponse.clip(type, 80))
                + ", not application/json or text/event-stream");
      }
      Map<String, Object> found = inbox.take(parse(response.body, method));
      if (found == null) {
        throw McpException.protocol(
            "the server's answer to " + method + " holds no response with the request's id");
      }
      return found;
    } catch (IOException e) {
      throw McpSession.ioFailure(e);
    } catch (UncheckedIOException e) {
      throw McpSession.ioFailure(e.getCause());
    } finally {
      if (exchange != null) {
        endpoint.release(exchange);
      }
    }
  }

  /** Reads events until the response comes, resuming the stream if the server drops it. */
  private Map<String, Object> awaitOnStream(
      HttpResponse first, String method, Budget budget, Inbox inbox) throws IOException {
    HttpResponse response = first;
    HttpConnection resumed = null;
    String lastEventId = null;
    long retryMillis = 0;
    try {
      for (int resumes = 0; ; resumes++) {
        SseReader events = new SseReader(response.body);
        SseReader.Event event;
        while ((event = events.next()) != null) {
          if (event.id() != null) {
            lastEventId = event.id();
          }
          if (event.retryMillis() >= 0) {
            retryMillis = event.retryMillis();
          }
          if (!event.data().isEmpty() && event.type().equals("message")) {
            Map<String, Object> found = inbox.take(parseEvent(event, method));
            if (found != null) {
              return found;
            }
          }
        }
        if (lastEventId == null || resumes >= MAX_RESUMES) {
          throw new McpException(
              McpException.Kind.PROTOCOL,
              "the server closed its event stream before answering " + method,
              true,
              null,
              null);
        }
        sleep(Math.min(retryMillis, budget.remainingMillis()));
        if (resumed != null) {
          resumed.close();
        }
        resumed = endpoint.open(budget);
        Map<String, String> headers = headers(endpoint.headers(), sessionId);
        headers.put("Accept", "text/event-stream");
        headers.put("Last-Event-ID", lastEventId);
        response = resumed.send("GET", endpoint.uri, headers, null, false);
        if (response.status != 200 || !response.mediaType().equals("text/event-stream")) {
          throw response.failure(method + " (resuming its event stream)");
        }
      }
    } finally {
      if (resumed != null) {
        resumed.close();
      }
    }
  }

  static Object parseEvent(SseReader.Event event, String method) {
    try {
      return Json.parse(event.data());
    } catch (IllegalArgumentException e) {
      throw new McpException(
          McpException.Kind.PROTOCOL,
          "an event the server sent while answering " + method + " is not valid JSON",
          false,
          null,
          e);
    }
  }

  /** Parses a JSON body, naming the request when it is not JSON. */
  static Object parse(InputStream body, String method) {
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new McpException(
          McpException.Kind.PROTOCOL,
          "the server's answer to " + method + " is not valid JSON",
          false,
          null,
          e);
    }
  }

  @Override
  public void send(Map<String, Object> message, String what, Budget budget) {
    Endpoint.Exchange exchange = null;
    try {
      exchange =
          endpoint.send(
              "POST",
              endpoint.uri,
              headers(endpoint.postHeaders(), sessionId),
              Json.write(message),
              budget);
      if (exchange.response().status < 200 || exchange.response().status > 299) {
        throw exchange.response().failure(what);
      }
    } catch (IOException e) {
      throw McpSession.ioFailure(e);
    } finally {
      if (exchange != null) {
        endpoint.release(exchange);
      }
    }
  }

  @Override
  public void reset() {
    sessionId = null;
  }

  @Override
  public void close() {
    String id = sessionId;
    sessionId = null;
    try {
      if (id != null) {
        endpoint.release(
            endpoint.send(
                "DELETE",
                endpoint.uri,
                headers(endpoint.headers(), id),
                null,
                Budget.of(2_000, 64 * 1024)));
      }
    } catch (IOException | RuntimeException e) {
      // the session expires on the server by itself; a server may refuse DELETE (405)
    } finally {
      endpoint.closeIdle();
    }
  }

  private static Map<String, String> headers(Map<String, String> base, String session) {
    if (session != null) {
      base.put("Mcp-Session-Id", session);
    }
    return base;
  }

  private static void sleep(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
