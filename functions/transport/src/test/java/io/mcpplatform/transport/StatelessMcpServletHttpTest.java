package io.mcpplatform.transport;

import static io.mcpplatform.transport.JsonRpcAssertions.assertJsonRpcError;
import static io.mcpplatform.transport.JsonRpcAssertions.assertNoInternals;
import static io.mcpplatform.transport.JsonRpcAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Raw HTTP against the servlet in Jetty: every error path answers a clean JSON-RPC error. */
class StatelessMcpServletHttpTest {

  private static final String MCP = "/x/mcp";
  private static final String GUARDED = "/guarded/mcp";
  private static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}";
  private static final String BOTH = "application/json, text/event-stream";

  private static JettyTestServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    StatelessMcpServlet guarded =
        StatelessMcpServlet.builder("guarded", "1")
            .tools(List.of(TestTools.echo()))
            .hostGuard(new HostGuard(Set.of("mcp.test:1"), Set.of("http://mcp.test:1")))
            .build();
    server =
        new JettyTestServer(
            List.of(new Route(MCP, TestTools.servlet()), new Route(GUARDED, guarded)));
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(MCP)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(String body) throws Exception {
    return post(body, "Content-Type", "application/json", "Accept", BOTH);
  }

  @Test
  void post_answersJsonRpcResult_whenRequestIsValid() throws Exception {
    HttpResponse<String> response = postJson(TOOLS_LIST);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode root = parse(response.body());
    assertThat(root.path("id").asInt()).isEqualTo(7);
    assertThat(root.path("result").path("tools").size()).isEqualTo(3);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
  }

  @Test
  void post_answersParseError400_whenBodyIsNotJson() throws Exception {
    HttpResponse<String> response = postJson("{\"jsonrpc\":\"2.0\",\"id\":1,");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = assertJsonRpcError(response.body(), -32700);
    assertThat(error.path("id").isNull()).isTrue();
  }

  @Test
  void post_answersInvalidRequest_whenBodyIsNotJsonRpc() throws Exception {
    for (String body :
        List.of(
            "{\"foo\":1}",
            "[" + TOOLS_LIST + "]",
            "42",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}")) {
      HttpResponse<String> response = postJson(body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertJsonRpcError(response.body(), -32600);
    }
  }

  @Test
  void post_echoesRequestId_whenRequestIsInvalid() throws Exception {
    HttpResponse<String> response = postJson("{\"jsonrpc\":\"2.0\",\"id\":\"abc\"}");

    assertThat(assertJsonRpcError(response.body(), -32600).path("id").asString()).isEqualTo("abc");
  }

  @Test
  void post_answers415_whenContentTypeIsNotJson() throws Exception {
    HttpResponse<String> response = post(TOOLS_LIST, "Content-Type", "text/plain", "Accept", BOTH);

    assertThat(response.statusCode()).isEqualTo(415);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void post_answers413_whenBodyExceedsBound() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
            + "x".repeat(70_000)
            + "\"}}";

    HttpResponse<String> response = postJson(big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void post_answers413_whenChunkedBodyExceedsBoundWithoutContentLength() throws Exception {
    byte[] big = ("{\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(MCP))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void get_answers405WithAllowPost() throws Exception {
    for (String method : List.of("GET", "DELETE", "PUT")) {
      HttpRequest request =
          HttpRequest.newBuilder(server.uri(MCP))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .header("Accept", "text/event-stream")
              .build();

      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("POST");
      assertJsonRpcError(response.body(), -32000);
    }
  }

  @Test
  void post_answers202WithEmptyBody_whenMessageIsNotification() throws Exception {
    HttpResponse<String> response =
        postJson("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void post_answers202_whenMessageIsJsonRpcResponse() throws Exception {
    HttpResponse<String> response = postJson("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void post_answers400_whenProtocolVersionHeaderIsUnsupported() throws Exception {
    HttpResponse<String> response =
        post(
            TOOLS_LIST,
            "Content-Type",
            "application/json",
            "Accept",
            BOTH,
            "MCP-Protocol-Version",
            "1999-01-01");

    assertThat(response.statusCode()).isEqualTo(400);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void post_succeeds_forEverySupportedProtocolVersionHeader() throws Exception {
    for (String version : StatelessMcpServlet.PROTOCOL_VERSIONS) {
      HttpResponse<String> response =
          post(
              TOOLS_LIST,
              "Content-Type",
              "application/json",
              "Accept",
              BOTH,
              "MCP-Protocol-Version",
              version);

      assertThat(response.statusCode()).as(version).isEqualTo(200);
    }
  }

  @Test
  void initialize_negotiatesEachSupportedProtocolVersion() throws Exception {
    for (String version : StatelessMcpServlet.PROTOCOL_VERSIONS) {
      HttpResponse<String> response =
          postJson(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                  + "{\"protocolVersion\":\""
                  + version
                  + "\",\"capabilities\":{},"
                  + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");

      JsonNode result = parse(response.body()).path("result");
      assertThat(result.path("protocolVersion").asString()).isEqualTo(version);
      assertThat(result.path("capabilities").path("tools").path("listChanged").asBoolean(true))
          .isFalse();
    }
  }

  @Test
  void post_acceptsRealClientAcceptHeaders() throws Exception {
    List<String[]> variants =
        List.of(
            new String[] {
              "Content-Type", "application/json", "Accept", "application/json, text/event-stream"
            },
            new String[] {"Content-Type", "application/json; charset=utf-8", "Accept", "*/*"},
            new String[] {
              "Content-Type",
              "application/json",
              "Accept",
              "application/json",
              "Accept",
              "text/event-stream"
            },
            new String[] {"Content-Type", "application/json"});
    for (String[] headers : variants) {
      HttpResponse<String> response = post(TOOLS_LIST, headers);

      assertThat(response.statusCode()).as(String.join(" ", headers)).isEqualTo(200);
    }
  }

  @Test
  void post_answers406_whenAcceptExcludesJson() throws Exception {
    HttpResponse<String> response =
        post(TOOLS_LIST, "Content-Type", "application/json", "Accept", "text/html");

    assertThat(response.statusCode()).isEqualTo(406);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void toolsCall_answersIsErrorResult_whenToolThrows() throws Exception {
    HttpResponse<String> response =
        postJson(
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"crash\",\"arguments\":{}}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertNoInternals(response.body());
    JsonNode result = parse(response.body()).path("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asString())
        .startsWith("Internal error (ref ");
  }

  @Test
  void toolsCall_answersIsErrorResult_whenRequiredArgumentMissing() throws Exception {
    HttpResponse<String> response =
        postJson(
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{}}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertNoInternals(response.body());
    assertThat(parse(response.body()).path("result").path("isError").asBoolean()).isTrue();
  }

  @Test
  void toolsCall_answersInvalidParams_whenToolIsUnknown() throws Exception {
    HttpResponse<String> response =
        postJson(
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\",\"arguments\":{}}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(assertJsonRpcError(response.body(), -32602).path("id").asInt()).isEqualTo(5);
  }

  @Test
  void toolsCall_answersInvalidParams_whenParamsHaveWrongTypes() throws Exception {
    for (String params :
        List.of("{\"name\":[1]}", "{\"name\":\"echo\",\"arguments\":\"x\"}", "[]")) {
      HttpResponse<String> response =
          postJson(
              "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":" + params + "}");

      assertThat(response.statusCode()).as(params).isEqualTo(400);
      assertThat(assertJsonRpcError(response.body(), -32602).path("id").asInt()).isEqualTo(6);
    }
  }

  @Test
  void post_answersMethodNotFound_whenMethodIsUnknown() throws Exception {
    HttpResponse<String> response =
        postJson("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"no/such\"}");

    assertJsonRpcError(response.body(), -32601);
  }

  @Test
  void post_answers404JsonError_whenPathHasNoRoute() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/nothing/here"))
            .POST(HttpRequest.BodyPublishers.ofString(TOOLS_LIST))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void post_answers421_whenHostIsNotAllowed() throws Exception {
    RawResponse response = rawPost(GUARDED, "evil.example:80", null);

    assertThat(response.status()).isEqualTo(421);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void post_answers403_whenOriginIsNotAllowed() throws Exception {
    RawResponse response = rawPost(GUARDED, "mcp.test:1", "http://evil.example");

    assertThat(response.status()).isEqualTo(403);
    assertJsonRpcError(response.body(), -32000);
  }

  @Test
  void post_passesGuard_whenHostAndOriginAreAllowed() throws Exception {
    RawResponse response = rawPost(GUARDED, "mcp.test:1", "http://mcp.test:1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(parse(response.body()).path("result").path("tools").size()).isEqualTo(1);
  }

  private record RawResponse(int status, String body) {}

  /** java.net.http will not send a foreign Host header, so this one speaks HTTP/1.1 itself. */
  private static RawResponse rawPost(String path, String host, String origin) throws IOException {
    byte[] body = TOOLS_LIST.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder()
            .append("POST ")
            .append(path)
            .append(" HTTP/1.1\r\n")
            .append("Host: ")
            .append(host)
            .append("\r\n")
            .append("Content-Type: application/json\r\n")
            .append("Accept: ")
            .append(BOTH)
            .append("\r\n")
            .append("Content-Length: ")
            .append(body.length)
            .append("\r\n")
            .append("Connection: close\r\n");
    if (origin != null) {
      head.append("Origin: ").append(origin).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(raw.substring(9, 12));
      String payload = raw.substring(raw.indexOf("\r\n\r\n") + 4);
      return new RawResponse(status, payload);
    }
  }
}
