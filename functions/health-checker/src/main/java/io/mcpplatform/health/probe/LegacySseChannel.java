package io.mcpplatform.health.probe;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05): a GET opens an event stream whose first
 * {@code endpoint} event names where to POST messages; responses arrive on the stream. The endpoint must be
 * on the same origin as the stream, so every connection goes to the one vetted address.
 */
final class LegacySseChannel extends McpChannel {

  private final ProbeTarget target;
  private final ProbeSettings settings;
  private final ProbeBudget budget;
  private final HttpConnection stream;
  private final SseEvents events;
  private final URI endpoint;

  private LegacySseChannel(ProbeTarget target, ProbeSettings settings, ProbeBudget budget, HttpConnection stream,
      SseEvents events, URI endpoint) {
    this.target = target;
    this.settings = settings;
    this.budget = budget;
    this.stream = stream;
    this.events = events;
    this.endpoint = endpoint;
  }

  /** Opens the stream and waits for the {@code endpoint} event. */
  static LegacySseChannel open(URI uri, ProbeTarget target, ProbeSettings settings, ProbeBudget budget)
      throws IOException, ProbeFailedException {
    HttpConnection stream = HttpConnection.open(target, settings, budget);
    try {
      HttpResponse response = stream.send("GET", uri,
          Map.of("Accept", "text/event-stream", "Cache-Control", "no-cache"), null, true);
      checkStatus(response, "the event stream request", 200);
      if (!response.mediaType().equals("text/event-stream")) {
        throw new ProbeFailedException("the SSE URL did not open an event stream (content type '"
            + clip(response.mediaType(), 80) + "')");
      }
      SseEvents events = new SseEvents(response.body);
      SseEvents.Event event;
      while ((event = events.next()) != null) {
        if (event.name().equals("endpoint")) {
          URI endpoint;
          try {
            endpoint = uri.resolve(event.data().trim());
          } catch (IllegalArgumentException e) {
            throw new ProbeFailedException("the endpoint event holds no usable URL");
          }
          if (!target.sameOrigin(endpoint)) {
            throw new ProbeFailedException("the endpoint event names another origin, which is not followed");
          }
          return new LegacySseChannel(target, settings, budget, stream, events, endpoint);
        }
      }
      throw new ProbeFailedException("the event stream ended without an endpoint event");
    } catch (IOException | ProbeFailedException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  @Override
  JsonNode call(String method, ObjectNode params, int id) throws IOException, ProbeFailedException {
    try (HttpConnection c = HttpConnection.open(target, settings, budget)) {
      HttpResponse response = c.send("POST", endpoint, postHeaders(), request(method, params, id), false);
      checkStatus(response, method, 200, 202, 204);
      if (response.status == 200 && response.mediaType().equals("application/json")) {
        byte[] body = response.body.readAllBytes();
        if (body.length > 0) {
          JsonNode node = parse(body, method);
          if (node.has("id")) {
            return ownResponse(node, method, id);
          }
        }
      }
    }
    JsonNode match = awaitOnStream(events, id);
    if (match == null) {
      throw new ProbeFailedException("the event stream ended before the response to " + method);
    }
    return resultOf(match, method);
  }

  private static JsonNode ownResponse(JsonNode node, String method, int id) throws ProbeFailedException {
    if (node.path("id").asInt(-1) != id) {
      throw new ProbeFailedException("answered " + method + " with the response to another request");
    }
    return resultOf(node, method);
  }

  @Override
  void notify(String method) throws IOException, ProbeFailedException {
    try (HttpConnection c = HttpConnection.open(target, settings, budget)) {
      HttpResponse response = c.send("POST", endpoint, postHeaders(), notification(method), false);
      checkStatus(response, method, 202, 200, 204);
    }
  }

  @Override
  public void close() {
    stream.close();
  }
}
