package io.mcpplatform.health.probe;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP Streamable HTTP: each message is a POST to the endpoint, on its own connection to the vetted address;
 * a response comes back as JSON or on an event stream. A session id given by the server is sent back, and
 * the session is ended with a DELETE when the probe closes.
 */
final class StreamableChannel extends McpChannel {

  private final URI uri;
  private final ProbeTarget target;
  private final ProbeSettings settings;
  private final ProbeBudget budget;
  private String sessionId;

  StreamableChannel(URI uri, ProbeTarget target, ProbeSettings settings, ProbeBudget budget) {
    this.uri = uri;
    this.target = target;
    this.settings = settings;
    this.budget = budget;
  }

  @Override
  Map<String, String> postHeaders() {
    Map<String, String> h = super.postHeaders();
    if (sessionId != null) {
      h.put("Mcp-Session-Id", sessionId);
    }
    return h;
  }

  @Override
  JsonNode call(String method, ObjectNode params, int id) throws IOException, ProbeFailedException {
    try (HttpConnection c = HttpConnection.open(target, settings, budget)) {
      HttpResponse response = c.send("POST", uri, postHeaders(), request(method, params, id), false);
      checkStatus(response, method, 200);
      if (method.equals("initialize")) {
        String session = response.header("mcp-session-id");
        if (session != null && !session.isBlank() && session.length() <= 256) {
          sessionId = session;
        }
      }
      return awaitResponse(response, method, id);
    }
  }

  @Override
  void notify(String method) throws IOException, ProbeFailedException {
    try (HttpConnection c = HttpConnection.open(target, settings, budget)) {
      HttpResponse response = c.send("POST", uri, postHeaders(), notification(method), false);
      checkStatus(response, method, 202, 200, 204);
    }
  }

  @Override
  public void close() {
    if (sessionId == null) {
      return;
    }
    try (HttpConnection c = HttpConnection.open(target, settings, budget)) {
      Map<String, String> headers = postHeaders();
      headers.remove("Content-Type");
      c.send("DELETE", uri, headers, null, false);
    } catch (IOException | ProbeFailedException e) {
      // ending the session is a courtesy; the probe's result stands
    }
  }
}
