package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The schema check used by the REST tests rejects what the official schemas reject. */
class OfficialSchemasTest {

  @Test
  void assertValid_fails_whenAResponseBreaksTheOfficialShape() {
    JsonMapper json = JsonMapper.builder().build();
    assertThatThrownBy(
            () -> OfficialSchemas.assertValid("ServerList", json.readTree("{\"servers\": 1}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                OfficialSchemas.assertValid(
                    "ServerResponse",
                    json.readTree(
                        "{\"server\": {\"name\": \"no-slash\", \"description\": \"d\", \"version\": \"1\"}}")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                OfficialSchemas.assertValid(
                    "ServerResponse",
                    json.readTree(
                        "{\"server\": {\"name\": \"a.b/c\", \"description\": \"d\", \"version\": \"1\"}, \"_meta\": {"
                            + "\"io.modelcontextprotocol.registry/official\": {\"extra\": true}}}")))
        .isInstanceOf(AssertionError.class);
  }
}
