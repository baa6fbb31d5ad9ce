package io.mcpplatform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks that an error body is a JSON-RPC 2.0 error object that leaks nothing of Java. */
final class JsonRpcAssertions {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonRpcAssertions() {}

  static JsonNode assertJsonRpcError(String body, int expectedCode) {
    assertNoInternals(body);
    JsonNode root = MAPPER.readTree(body);
    assertThat(root.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(root.has("id")).as("id member present").isTrue();
    assertThat(root.has("result")).isFalse();
    assertThat(root.path("error").path("code").isIntegralNumber()).isTrue();
    assertThat(root.path("error").path("code").asInt()).isEqualTo(expectedCode);
    assertThat(root.path("error").path("message").asString()).isNotBlank();
    return root;
  }

  static void assertNoInternals(String body) {
    assertThat(body)
        .doesNotContain("Exception", "at io.", "java.", "stackTrace", "jakarta.", "tools.jackson");
  }

  static JsonNode parse(String body) {
    return MAPPER.readTree(body);
  }
}
