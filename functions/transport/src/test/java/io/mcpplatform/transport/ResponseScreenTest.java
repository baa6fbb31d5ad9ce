package io.mcpplatform.transport;

import static io.mcpplatform.transport.JsonRpcAssertions.assertJsonRpcError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The last line of defence: whatever the SDK writes, a client gets a clean JSON-RPC answer. */
class ResponseScreenTest {

  private static final IncomingMessage REQUEST =
      IncomingMessage.classify(
          JsonRpcAssertions.parse("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/list\"}"));

  private static CapturedResponse sdkWrote(int status, String body) {
    HttpServletResponse unused =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  throw new AssertionError(
                      "the real response must not be touched: " + method.getName());
                });
    CapturedResponse captured = new CapturedResponse(unused);
    captured.setStatus(status);
    captured.getWriter().write(body);
    return captured;
  }

  private static String json(ResponseScreen.Answer answer) {
    return new String(answer.json(), StandardCharsets.UTF_8);
  }

  @Test
  void screen_replacesSerializedException_withReferencedJsonRpcError() {
    String leak =
        "{\"jsonRpcError\":{\"code\":-32600,\"message\":\"Invalid message format\"},"
            + "\"stackTrace\":[{\"className\":\"io.modelcontextprotocol.spec.McpError$Builder\"}]}";

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, sdkWrote(400, leak));

    assertThat(answer.httpStatus()).isEqualTo(400);
    JsonNode error = assertJsonRpcError(json(answer), -32600);
    assertThat(error.path("id").asInt()).isEqualTo(12);
    assertThat(error.path("error").path("message").asString())
        .matches("Invalid Request \\(ref [0-9a-f]{8}\\)");
  }

  @Test
  void screen_replacesErrorMessage_whenItNamesJavaClasses() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"error\":{\"code\":-32603,"
            + "\"message\":\"java.lang.IllegalStateException: boom\",\"data\":\"at io.x.Y.z(Y.java:1)\"}}";

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, sdkWrote(200, body));

    assertThat(answer.httpStatus()).isEqualTo(200);
    JsonNode error = assertJsonRpcError(json(answer), -32603);
    assertThat(error.path("error").has("data")).isFalse();
    assertThat(error.path("error").path("message").asString()).startsWith("Internal error (ref ");
  }

  @Test
  void screen_keepsErrorMessage_whenItIsPlainText() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: nope\"}}";

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, sdkWrote(200, body));

    assertThat(assertJsonRpcError(json(answer), -32602).path("error").path("message").asString())
        .isEqualTo("Unknown tool: nope");
  }

  @Test
  void screen_passesResultUntouched_evenWhenItMentionsJava() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"text\":\"java.util.List is an interface\"}}";

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, sdkWrote(200, body));

    assertThat(answer.httpStatus()).isEqualTo(200);
    assertThat(JsonRpcAssertions.parse(json(answer)).path("result").path("text").asString())
        .isEqualTo("java.util.List is an interface");
  }

  @Test
  void screen_answersInternalError_whenResponseIdDoesNotMatch() {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":13,\"result\":{}}";

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, sdkWrote(200, body));

    assertThat(answer.httpStatus()).isEqualTo(500);
    assertJsonRpcError(json(answer), -32603);
  }

  @Test
  void screen_answersInternalError_whenSdkSentHtmlErrorPage() {
    CapturedResponse captured =
        sdkWrote(200, "<html><body>java.lang.NullPointerException</body></html>");
    captured.sendError(500);

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, captured);

    assertThat(answer.httpStatus()).isEqualTo(500);
    assertJsonRpcError(json(answer), -32603);
  }

  @Test
  void screen_acceptsNumericIdOfAnotherWidth() {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":12.0,\"result\":{}}";
    IncomingMessage bigId =
        IncomingMessage.classify(
            JsonRpcAssertions.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":12345678901,\"method\":\"ping\"}"));

    assertThat(ResponseScreen.screen(REQUEST, sdkWrote(200, body)).httpStatus()).isEqualTo(500);
    assertThat(
            ResponseScreen.screen(
                    bigId, sdkWrote(200, "{\"jsonrpc\":\"2.0\",\"id\":12345678901,\"result\":{}}"))
                .httpStatus())
        .isEqualTo(200);
  }

  @Test
  void screen_passesResultBytesAsWritten_whenResponseIsWellFormed() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"tools\":[{\"name\":\"a\"}],\"n\":1.50}}";

    ResponseScreen.Answer answer = ResponseScreen.screen(REQUEST, sdkWrote(200, body));

    assertThat(answer.httpStatus()).isEqualTo(200);
    assertThat(json(answer)).isEqualTo(body);
  }

  @Test
  void screen_answersInternalError_whenResultIsMalformedOrFollowedByMore() {
    String broken = "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"tools\":[}}";
    String trailing = "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{}} {\"more\":1}";
    String both =
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{},\"error\":{\"code\":1,\"message\":\"x\"}}";

    assertJsonRpcError(json(ResponseScreen.screen(REQUEST, sdkWrote(200, broken))), -32603);
    assertJsonRpcError(json(ResponseScreen.screen(REQUEST, sdkWrote(200, trailing))), -32603);
    assertJsonRpcError(json(ResponseScreen.screen(REQUEST, sdkWrote(200, both))), -32603);
  }
}
