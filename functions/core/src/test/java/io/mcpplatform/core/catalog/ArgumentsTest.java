package io.mcpplatform.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One reader of call arguments for every edge, with one wording of every problem. */
class ArgumentsTest {

  private final FieldChecks checks = new FieldChecks();

  private Arguments of(String field, Object value) {
    Map<String, Object> values = new HashMap<>();
    values.put(field, value);
    return new Arguments(values, checks);
  }

  @Test
  void integer_acceptsWholeNumbersAndPlainText_andNamesTheRangeOtherwise() {
    assertThat(of("limit", 5).integer("limit", 20, 1, 100)).isEqualTo(5);
    assertThat(of("limit", 5.0).integer("limit", 20, 1, 100)).isEqualTo(5);
    assertThat(of("limit", " 7 ").integer("limit", 20, 1, 100)).isEqualTo(7);
    assertThat(of("other", 5).integer("limit", 20, 1, 100)).isEqualTo(20);
    assertThat(checks.errors()).isEmpty();

    for (Object bad :
        List.of(1e308, -1e308, 2.5, 0, 101, "1e308", "ten", true, new BigInteger("9".repeat(40)))) {
      FieldChecks one = new FieldChecks();
      Map<String, Object> values = Map.of("limit", bad);
      assertThat(new Arguments(values, one).integer("limit", 20, 1, 100))
          .as(String.valueOf(bad))
          .isEqualTo(20);
      assertThat(one.errors())
          .extracting(FieldError::toString)
          .as(String.valueOf(bad))
          .containsExactly("limit: must be an integer from 1 to 100");
    }
  }

  @Test
  void string_refusesLoneSurrogates_andOtherTypes() {
    assertThat(of("q", "caf\u00e9 \uD83D\uDE00").string("q")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    assertThat(of("q", "half \uD83D").string("q")).isNull();
    assertThat(of("n", 12).string("n")).isNull();

    assertThat(checks.errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "q: must be valid Unicode (it holds a lone UTF-16 surrogate)", "n: must be a string");
  }

  @Test
  void boolTimeNumberAndLists_readEveryEdgesSpelling() {
    assertThat(of("f", "").bool("f")).isTrue();
    assertThat(of("f", "false").bool("f")).isFalse();
    assertThat(of("f", true).bool("f")).isTrue();
    assertThat(of("since", "2026-01-01T00:00:00+01:00").time("since"))
        .isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
    assertThat(of("lat", 48.8).number("lat")).isEqualTo(48.8);
    assertThat(of("tags", List.of("a", "b")).stringList("tags", 20, 40)).containsExactly("a", "b");
    assertThat(checks.errors()).isEmpty();

    of("f", "yes").bool("f");
    of("since", "yesterday").time("since");
    of("lat", Double.POSITIVE_INFINITY).number("lat");
    of("tags", List.of("", "b")).stringList("tags", 20, 40);
    of("kind", "prompt").oneOf("kind", List.of("tool", "resource"));
    assertThat(checks.errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "f: must be true or false",
            "since: must be an RFC 3339 time such as 2025-01-01T00:00:00Z",
            "lat: must be a number",
            "tags: must be an array of at most 20 non-blank strings of at most 40 characters",
            "kind: must be 'tool' or 'resource'");
    assertThat(Arguments.blankToNull("  x ")).isEqualTo("x");
    assertThat(Arguments.blankToNull(" ")).isNull();
  }
}
