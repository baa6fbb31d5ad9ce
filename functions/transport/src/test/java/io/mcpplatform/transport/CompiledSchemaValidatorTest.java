package io.mcpplatform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SDK's schema checks: the SDK validator's verdicts, phrased field by field without library
 * internals.
 */
class CompiledSchemaValidatorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type", "object",
          "required", List.of("servers"),
          "properties",
              Map.of(
                  "servers", Map.of("type", "array", "items", Map.of("type", "string")),
                  "total", Map.of("type", "integer")));

  private final CompiledSchemaValidator validator = new CompiledSchemaValidator();
  private final DefaultJsonSchemaValidator sdk = new DefaultJsonSchemaValidator();

  @Test
  void validate_acceptsPreparedResult_andAnswersItsOwnText() {
    ObjectNode tree = JSON.createObjectNode();
    tree.putArray("servers").add("weather");
    tree.put("total", 1);
    StructuredJson prepared = StructuredJson.of(JSON, tree);

    ValidationResponse response = validator.validate(SCHEMA, prepared);

    assertThat(response.valid()).isTrue();
    assertThat(response.jsonStructuredOutput())
        .isSameAs(prepared.text())
        .isEqualTo("{\"servers\":[\"weather\"],\"total\":1}");
  }

  @Test
  void validate_rejectsPreparedResult_thatBreaksTheSchema_namingEachField() {
    ObjectNode tree = JSON.createObjectNode();
    tree.put("total", "many");
    Map<String, Object> asMap = Map.of("total", "many");

    ValidationResponse ours = validator.validate(SCHEMA, StructuredJson.of(JSON, tree));
    ValidationResponse theirs = sdk.validate(SCHEMA, asMap);

    assertThat(ours.valid()).isFalse();
    assertThat(theirs.valid()).isFalse();
    assertThat(ours.errorMessage())
        .contains("servers is required")
        .contains("total must be an integer")
        .doesNotContain("$")
        .doesNotContain("JSON schema");
  }

  @Test
  void validate_answersLikeTheSdk_forPlainMapsAndJsonText() {
    Map<String, Object> ok = Map.of("servers", List.of("a", "b"));
    Map<String, Object> bad = Map.of("servers", List.of(1));

    assertThat(validator.validate(SCHEMA, ok)).isEqualTo(sdk.validate(SCHEMA, ok));
    assertThat(validator.validate(SCHEMA, bad).valid()).isFalse();
    assertThat(sdk.validate(SCHEMA, bad).valid()).isFalse();
    assertThat(validator.validate(SCHEMA, bad).errorMessage())
        .isEqualTo("servers[0] must be a string");
    assertThat(validator.validate(SCHEMA, "{\"servers\":[]}"))
        .isEqualTo(sdk.validate(SCHEMA, "{\"servers\":[]}"));
    assertThat(validator.validate(SCHEMA, "{\"servers\":").valid()).isFalse();
    assertThat(validator.validate(SCHEMA, "{\"servers\":").errorMessage())
        .isEqualTo("the value is not readable JSON");
  }

  @Test
  void validate_namesTheField_whenANumberIsTooLargeForTheSchemaLibrary() {
    Map<String, Object> limits =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("limit", Map.of("type", "integer", "minimum", 1, "maximum", 100)));

    ValidationResponse huge = validator.validate(limits, Map.of("limit", 1e308));
    ValidationResponse fraction = validator.validate(limits, Map.of("limit", 2.5));
    ValidationResponse above = validator.validate(limits, Map.of("limit", 101));

    assertThat(huge.valid()).isFalse();
    assertThat(huge.errorMessage()).isEqualTo("limit must be an integer from 1 to 100");
    assertThat(fraction.errorMessage()).isEqualTo("limit must be an integer from 1 to 100");
    assertThat(above.errorMessage()).isEqualTo("limit must be an integer from 1 to 100");
  }

  @Test
  void validate_checksEachSchemaOnItsOwn_evenWhenSchemasAreEqualMapsOrDiffer() {
    Map<String, Object> numbers =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("servers", Map.of("type", "array", "items", Map.of("type", "integer"))));
    Map<String, Object> content = Map.of("servers", List.of(1, 2));

    assertThat(validator.validate(SCHEMA, content).valid()).isFalse();
    assertThat(validator.validate(numbers, content).valid()).isTrue();
    assertThat(validator.validate(Map.copyOf(SCHEMA), content).valid()).isFalse();
  }

  @Test
  void validateSchema_refusesASchemaThatIsNotJsonSchema() {
    assertThat(validator.validateSchema(Map.of("type", "object")).valid()).isTrue();
    assertThat(validator.validateSchema(Map.of("type", 12)).valid()).isFalse();
  }
}
