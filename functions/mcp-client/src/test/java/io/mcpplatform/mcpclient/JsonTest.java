package io.mcpplatform.mcpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTest {

  @Test
  void parse_givesPlainValues_inDocumentOrder() {
    Object value =
        Json.parse(
            "{\"b\":1,\"a\":[true,false,null,\"x\",2.5,-7],\"big\":123456789012345678901234567890,"
                + "\"huge\":1e400,\"nested\":{\"k\":{}}}");

    Map<String, Object> object = Json.object(value);
    assertThat(object.keySet()).containsExactly("b", "a", "big", "huge", "nested");
    assertThat(object.get("b")).isEqualTo(1L);
    assertThat(Json.array(object.get("a"))).containsExactly(true, false, null, "x", 2.5, -7L);
    assertThat(object.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(object.get("huge")).isEqualTo(new BigDecimal("1e400"));
    assertThat(Json.object(object.get("nested")).get("k")).isEqualTo(Map.of());
  }

  @Test
  void write_thenParse_roundTrips_andMatchesJacksonsMapper() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "quote \" backslash \\ newline \n unicode é 😀");
    value.put(
        "numbers",
        List.of(1, 2L, 3.5, 4.25f, new BigInteger("98765432109876543210"), new BigDecimal("0.1")));
    value.put("flags", List.of(true, false));
    value.put("none", null);
    value.put("object", Map.of("k", "v"));

    String written = Json.text(value);

    assertThat(written).isEqualTo(JsonMapper.shared().writeValueAsString(value));
    assertThat(Json.text(Json.parse(written))).isEqualTo(written);
  }

  @Test
  void write_handsOtherTypesToJacksonsMapper() {
    record Point(double lat, double lng) {}

    assertThat(Json.text(Map.of("p", new Point(1.5, 2.5), "a", new int[] {1, 2})))
        .contains("\"p\":{\"lat\":1.5,\"lng\":2.5}")
        .contains("\"a\":[1,2]");
  }

  @Test
  void parse_refusesWhatIsNotOneJsonValue() {
    for (String bad : List.of("", "{", "{\"a\":}", "[1,]", "{} {}", "nope", "{'a':1}")) {
      assertThatThrownBy(() -> Json.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Json.parse("[".repeat(600) + "]".repeat(600)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void parse_passesReadFailuresOnAsIo() {
    InputStream failing =
        new InputStream() {
          private final InputStream start =
              new ByteArrayInputStream("{\"a\":".getBytes(StandardCharsets.UTF_8));

          @Override
          public int read() throws IOException {
            int b = start.read();
            if (b < 0) {
              throw new IOException("connection reset");
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = start.read(buf, off, len);
            if (n < 0) {
              throw new IOException("connection reset");
            }
            return n;
          }
        };

    assertThatThrownBy(() -> Json.parse(failing))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("connection reset");
  }

  @Test
  void accessors_answerNullForTheWrongShape() {
    assertThat(Json.object(List.of())).isNull();
    assertThat(Json.array(Map.of())).isNull();
    assertThat(Json.string(Map.of("n", 1L), "n")).isNull();
    assertThat(Json.string(Map.of("s", "v"), "s")).isEqualTo("v");
    assertThat(Arrays.asList(Json.object(null), Json.array(null))).containsOnlyNulls();
  }
}
