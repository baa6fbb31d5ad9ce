package io.mcpplatform.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InputSchemasTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void compactBytes_equalsTheUtf8LengthOfTheCompactJson_withEscapesAndWideCharacters() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("description", "quote \" backslash \\ tab \t nul \u0000 é 漢 😀 </script>");
    schema.put("enum", Arrays.asList(1, -2.5, true, null, new BigInteger("123456789012345678901")));
    InputSchemas.Checked checked = InputSchemas.check(schema);

    assertThat(checked.ok()).isTrue();
    assertThat(checked.bytes())
        .isEqualTo(JSON.writeValueAsString(schema).getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void check_givesACanonicalCopy_thatEqualsWhatAStoreReadsBack() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("maxItems", 3);
    schema.put("minimum", new BigDecimal("0.5"));
    schema.put("multipleOf", 0.25f);
    schema.put("default", null);

    Map<String, Object> canonical = InputSchemas.check(schema).schema();

    assertThat(canonical.get("maxItems")).isEqualTo(3L);
    assertThat(canonical.get("minimum")).isEqualTo(0.5d);
    assertThat(canonical.get("multipleOf")).isEqualTo(0.25d);
    assertThat(canonical).containsEntry("default", null);
    assertThat(canonical.keySet())
        .containsExactly("type", "maxItems", "minimum", "multipleOf", "default");
    @SuppressWarnings("unchecked")
    Map<String, Object> reread = JSON.readValue(JSON.writeValueAsString(canonical), Map.class);
    assertThat(new Capability("t", Capability.TOOL, null, reread))
        .isEqualTo(new Capability("t", Capability.TOOL, null, canonical));
    assertThatThrownBy(() -> canonical.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void check_refusesWhatIsNotAJsonObject() {
    assertThat(InputSchemas.check(List.of()).problem()).startsWith("must be a JSON object");
    assertThat(InputSchemas.check("{}").problem()).startsWith("must be a JSON object");
    assertThat(InputSchemas.check(null).ok()).isFalse();
    assertThat(InputSchemas.check(Map.of("type", new Object())).problem())
        .startsWith("must hold only JSON values");
    assertThat(InputSchemas.check(Map.of(1, "x")).problem())
        .startsWith("must hold only JSON values");
  }

  @Test
  void withoutInputSchemas_stripsBothListsOfAnEntry() {
    Capability tool = new Capability("t", Capability.TOOL, "d", Map.of("type", "object"));
    ServerEntry entry =
        ServerEntry.builder("x", "X", "1.0.0")
            .capabilities(List.of(tool))
            .discoveredCapabilities(List.of(tool, new Capability("r", Capability.RESOURCE, null)))
            .build();

    ServerEntry lean = entry.withoutInputSchemas();

    assertThat(lean.capabilities()).containsExactly(new Capability("t", Capability.TOOL, "d"));
    assertThat(lean.discoveredCapabilities())
        .containsExactly(
            new Capability("t", Capability.TOOL, "d"),
            new Capability("r", Capability.RESOURCE, null));
    // the JSON form of a capability without a schema is the one written before schemas existed
    assertThat(JSON.readTree(JSON.writeValueAsString(new Capability("t", Capability.TOOL, "d"))))
        .isEqualTo(JSON.readTree("{\"name\":\"t\",\"type\":\"tool\",\"description\":\"d\"}"));
  }
}
