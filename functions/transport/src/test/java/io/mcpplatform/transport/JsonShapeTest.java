package io.mcpplatform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The screen's one-pass check: well-formed JSON objects pass with their top level listed, nothing
 * else does.
 */
class JsonShapeTest {

  private static List<JsonShape.Member> members(String json) {
    return JsonShape.topLevelMembers(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String value(String json, JsonShape.Member m) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return new String(bytes, m.valueStart(), m.valueEnd() - m.valueStart(), StandardCharsets.UTF_8);
  }

  @Test
  void topLevelMembers_listsNamesAndValueSpans_ofANestedObject() {
    String json =
        " {\"jsonrpc\" : \"2.0\",\"id\":12,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
            + "\"{\\\"a\\\":[1,2]} \\u00e9\\n\"}],\"n\":[-0.5e+3,0,1E2,true,false,null,[],{}]}}\n";

    List<JsonShape.Member> members = members(json);

    assertThat(members)
        .extracting(JsonShape.Member::name)
        .containsExactly("jsonrpc", "id", "result");
    assertThat(value(json, members.get(0))).isEqualTo("\"2.0\"");
    assertThat(value(json, members.get(1))).isEqualTo("12");
    assertThat(value(json, members.get(2))).startsWith("{\"content\"").endsWith("[],{}]}");
  }

  @Test
  void topLevelMembers_unescapesNames_andKeepsDuplicates() {
    List<JsonShape.Member> members = members("{\"\\u0069d\":1,\"id\":2,\"caf\u00e9\":{}}");

    assertThat(members).extracting(JsonShape.Member::name).containsExactly("id", "id", "caf\u00e9");
  }

  @Test
  void topLevelMembers_acceptsEmptyObject() {
    assertThat(members("{ }")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "[]",
        "\"x\"",
        "12",
        "null",
        "{",
        "{\"a\":1",
        "{\"a\":1,}",
        "{,}",
        "{\"a\"}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "{\"a\":1}{\"b\":2}",
        "{\"a\":1} x",
        "{\"a\":[1,]}",
        "{\"a\":[1 2]}",
        "{\"a\":[}",
        "{\"a\":{]}",
        "{\"a\":01}",
        "{\"a\":-}",
        "{\"a\":1.}",
        "{\"a\":.5}",
        "{\"a\":1e}",
        "{\"a\":+1}",
        "{\"a\":NaN}",
        "{\"a\":tru}",
        "{\"a\":nul}",
        "{\"a\":True}",
        "{\"a\":\"unterminated}",
        "{\"a\":\"bad \\x escape\"}",
        "{\"a\":\"bad \\u12g4\"}",
        "{\"a\":\"raw\ttab\"}",
        "{\"a\":\"raw\nnewline\"}",
        "{\"a\":1}}",
        "{\"a\":[[1]]]}"
      })
  void topLevelMembers_refusesWhatIsNotExactlyOneWellFormedObject(String json) {
    assertThat(members(json)).as(json).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1}",
        "{\"a\":[1,{\"b\":[true,false,null]},\"s\"]}",
        "{\"a\":-0.0e-0}",
        "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
        "{\"a\":1,}",
        "{\"a\":01}",
        "{\"a\":\"raw\ttab\"}",
        "{\"a\":1} {}",
        "[1]",
        "{\"a\":[}"
      })
  void topLevelMembers_agreesWithJackson_onWhatIsAWellFormedObject(String json) {
    boolean jacksonAccepts;
    try {
      JsonNode tree = JsonRpcErrors.MAPPER.readTree(json);
      jacksonAccepts = tree.isObject();
    } catch (JacksonException e) {
      jacksonAccepts = false;
    }
    assertThat(members(json) != null).as(json).isEqualTo(jacksonAccepts);
  }

  @Test
  void topLevelMembers_refusesNestingDeeperThanTheBound() {
    String deep =
        "{\"a\":" + "[".repeat(JsonShape.MAX_DEPTH) + "]".repeat(JsonShape.MAX_DEPTH) + "}";
    String fine =
        "{\"a\":" + "[".repeat(JsonShape.MAX_DEPTH - 2) + "]".repeat(JsonShape.MAX_DEPTH - 2) + "}";

    assertThat(members(deep)).isNull();
    assertThat(members(fine)).hasSize(1);
  }
}
