package io.mcpplatform.transport.lambda;

import static io.mcpplatform.transport.lambda.ProxyEvents.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.SseEvents;
import io.mcpplatform.transport.StatelessMcpServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Proxy events through the stream handler, as the Lambda runtime would pass them. */
class LambdaRoutesHandlerTest {

  private static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
  private static final Map<String, String> MCP_HEADERS =
      Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream");

  private static LambdaRoutesHandler handler;

  /** Stands in for the registry's REST face: echoes how the request was routed. */
  static final class PathEchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              "{\"servletPath\":\""
                  + request.getServletPath()
                  + "\",\"pathInfo\":\""
                  + request.getPathInfo()
                  + "\"}");
    }
  }

  @BeforeAll
  static void build() {
    StatelessMcpServlet mcp =
        StatelessMcpServlet.builder("lambda-test", "1")
            .tools(List.of(io.mcpplatform.transport.TestToolsAccess.echo()))
            .build();
    handler =
        new LambdaRoutesHandler(
            List.of(new Route("/registry/mcp", mcp), new Route("/v0.1/*", new PathEchoServlet())));
  }

  private static JsonNode invoke(String eventJson) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)),
        out,
        new InvocationContext("test-request", "test", 30_000));
    String response = out.toString(StandardCharsets.UTF_8);
    assertThat(response).doesNotContain("Exception", "at io.", "java.", "stackTrace");
    return MAPPER.readTree(response);
  }

  private static JsonNode invoke(JsonNode event) throws IOException {
    return invoke(MAPPER.writeValueAsString(event));
  }

  private static JsonNode body(JsonNode proxyResponse) {
    String body = proxyResponse.path("body").asString();
    if (proxyResponse.path("isBase64Encoded").asBoolean()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return MAPPER.readTree(body);
  }

  @Test
  void restApiEvent_answersToolsList() throws IOException {
    JsonNode response =
        invoke(ProxyEvents.restApi("POST", "/registry/mcp", MCP_HEADERS, TOOLS_LIST, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("multiValueHeaders").path("Content-Type").get(0).asString())
        .startsWith("application/json");
    assertThat(body(response).path("result").path("tools").get(0).path("name").asString())
        .isEqualTo("echo");
  }

  @Test
  void restApiEvent_routes_whenPathCarriesStagePrefix() throws IOException {
    JsonNode response =
        invoke(ProxyEvents.restApi("POST", "/prod/registry/mcp", MCP_HEADERS, TOOLS_LIST, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(response).path("id").asInt()).isEqualTo(1);
  }

  @Test
  void restApiEvent_decodesBase64Body() throws IOException {
    JsonNode response =
        invoke(ProxyEvents.restApi("POST", "/registry/mcp", MCP_HEADERS, TOOLS_LIST, true));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(response).path("result").has("tools")).isTrue();
  }

  @Test
  void restApiEvent_answers405WithAllow_whenMethodIsGet() throws IOException {
    JsonNode response =
        invoke(
            ProxyEvents.restApi(
                "GET", "/registry/mcp", Map.of("Accept", "text/event-stream"), null, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(405);
    assertThat(response.path("multiValueHeaders").path("Allow").get(0).asString())
        .isEqualTo("POST");
    assertThat(body(response).path("error").path("code").asInt()).isEqualTo(-32000);
  }

  @Test
  void restApiEvent_answers202WithoutBody_whenNotification() throws IOException {
    JsonNode response =
        invoke(
            ProxyEvents.restApi(
                "POST",
                "/registry/mcp",
                MCP_HEADERS,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(202);
    assertThat(response.path("body").asString("")).isEmpty();
  }

  @Test
  void restApiEvent_answersParseError_whenBodyIsNotJson() throws IOException {
    JsonNode response =
        invoke(ProxyEvents.restApi("POST", "/registry/mcp", MCP_HEADERS, "{oops", false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).path("error").path("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void restApiEvent_answers404_whenNoRouteMatches() throws IOException {
    JsonNode response =
        invoke(ProxyEvents.restApi("POST", "/maps/mcp", MCP_HEADERS, TOOLS_LIST, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(404);
    assertThat(body(response).path("jsonrpc").asString()).isEqualTo("2.0");
  }

  @Test
  void restApiEvent_reachesPrefixRoute_withPathInfoRelativeToIt() throws IOException {
    JsonNode response = invoke(ProxyEvents.restApi("GET", "/v0.1/servers", Map.of(), null, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(response).path("servletPath").asString()).isEqualTo("/v0.1");
    assertThat(body(response).path("pathInfo").asString()).isEqualTo("/servers");
  }

  @Test
  void httpApiEvent_answersToolsList_whenAcceptIsCommaSplitAndStageInPath() throws IOException {
    JsonNode response =
        invoke(
            ProxyEvents.httpApi(
                "POST", "/prod/registry/mcp", "prod", MCP_HEADERS, TOOLS_LIST, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.has("multiValueHeaders")).isFalse();
    assertThat(response.path("headers").path("Content-Type").asString())
        .startsWith("application/json");
    assertThat(body(response).path("result").path("tools").get(0).path("name").asString())
        .isEqualTo("echo");
  }

  @Test
  void httpApiEvent_routes_onDefaultStage() throws IOException {
    JsonNode response =
        invoke(
            ProxyEvents.httpApi(
                "POST", "/registry/mcp", "$default", MCP_HEADERS, TOOLS_LIST, true));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(response).path("result").has("tools")).isTrue();
  }

  @Test
  void httpApiEvent_callsTool_withBase64Body() throws IOException {
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":\"c1\",\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"héllo\"}}}";

    JsonNode response =
        invoke(ProxyEvents.httpApi("POST", "/prod/registry/mcp", "prod", MCP_HEADERS, call, true));

    JsonNode result = body(response).path("result");
    assertThat(result.path("structuredContent").path("echoed").asString()).isEqualTo("héllo");
    assertThat(result.path("structuredContent").path("length").asInt()).isEqualTo(5);
  }

  @Test
  void restApiEvent_answersWholeEventStream_whenProgressTokenSentAndEventStreamAccepted()
      throws IOException {
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
            + "\"arguments\":{\"text\":\"hi\"},\"_meta\":{\"progressToken\":\"p\"}}}";

    JsonNode response =
        invoke(ProxyEvents.restApi("POST", "/prod/registry/mcp", MCP_HEADERS, call, false));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("multiValueHeaders").path("Content-Type").get(0).asString())
        .startsWith("text/event-stream");
    List<SseEvents.Event> events = SseEvents.parse(response.path("body").asString());
    JsonNode last = MAPPER.readTree(events.get(events.size() - 1).data());
    assertThat(last.path("id").asInt()).isEqualTo(3);
    assertThat(last.path("result").path("structuredContent").path("echoed").asString())
        .isEqualTo("hi");
  }

  @Test
  void restApiEvent_legacySsePaths_answerErrorNamingStreamableHttpUrl() throws IOException {
    for (String path : List.of("/prod/registry/sse", "/prod/registry/messages")) {
      JsonNode response =
          invoke(
              ProxyEvents.restApi(
                  path.endsWith("sse") ? "GET" : "POST",
                  path,
                  Map.of(
                      "Host",
                      "abc.execute-api.eu-west-1.amazonaws.com",
                      "Accept",
                      "text/event-stream"),
                  path.endsWith("sse") ? null : TOOLS_LIST,
                  false));

      assertThat(response.path("statusCode").asInt()).isEqualTo(400);
      String message = body(response).path("error").path("message").asString();
      assertThat(message)
          .contains(
              "long-lived connection",
              "https://abc.execute-api.eu-west-1.amazonaws.com/prod/registry/mcp");
    }
  }

  @Test
  void malformedEvent_answers400ProxyResponse() throws IOException {
    for (String event :
        List.of(
            "not json at all",
            "[1,2]",
            "{}",
            "{\"httpMethod\":\"\"}",
            "{\"version\":\"2.0\",\"rawPath\":\"/registry/mcp\"}")) {
      JsonNode response = invoke(event);

      assertThat(response.path("statusCode").asInt()).as(event).isEqualTo(400);
      assertThat(response.path("headers").path("Content-Type").asString())
          .isEqualTo("application/json");
      JsonNode error = body(response);
      assertThat(error.path("jsonrpc").asString()).isEqualTo("2.0");
      assertThat(error.path("error").path("code").asInt()).isEqualTo(-32600);
    }
  }

  @Test
  void finding12_invalidBase64BodyOrNullMultiValueHeaders_answer400WithAClearMessage()
      throws IOException {
    ObjectNode badBase64 =
        ProxyEvents.restApi("POST", "/registry/mcp", MCP_HEADERS, TOOLS_LIST, true);
    badBase64.put("body", "!!! not base64 ***");
    ObjectNode badBase64V2 =
        ProxyEvents.httpApi("POST", "/registry/mcp", "$default", MCP_HEADERS, TOOLS_LIST, true);
    badBase64V2.put("body", "%%%");
    ObjectNode nullHeaders =
        ProxyEvents.restApi("POST", "/registry/mcp", MCP_HEADERS, TOOLS_LIST, false);
    nullHeaders.putNull("multiValueHeaders");

    for (JsonNode event : List.of(badBase64, badBase64V2, nullHeaders)) {
      JsonNode response = invoke(event);

      assertThat(response.path("statusCode").asInt()).as(event.toString()).isEqualTo(400);
      assertThat(body(response).path("error").path("message").asString())
          .startsWith("Malformed event: ")
          .containsAnyOf("base64", "multiValueHeaders");
    }
  }
}
