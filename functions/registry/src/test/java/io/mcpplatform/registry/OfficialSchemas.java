package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official MCP Registry API schemas, for validating every REST response: the test resource
 * {@code official-registry-schemas.json} (a transcription of the official OpenAPI document, MIT
 * licence; its {@code $comment} names the source commit), or the file system property {@code
 * registry.schemas} names.
 */
public final class OfficialSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RESOURCE = "/official-registry-schemas.json";
  private static final JsonNode DOCUMENT = load();
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  private OfficialSchemas() {}

  private static JsonNode load() {
    String configured = System.getProperty("registry.schemas");
    try {
      if (configured != null) {
        return JSON.readTree(Files.readString(Path.of(configured)));
      }
      try (InputStream in = OfficialSchemas.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              RESOURCE + " is missing from the registry's test resources");
        }
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that a JSON value is valid against one of the official definitions.
   *
   * @param definition a name under {@code $defs}: ServerList, ServerResponse, Error, ...
   * @param value the value
   */
  public static void assertValid(String definition, JsonNode value) {
    assertThat(DOCUMENT.at("/$defs/" + definition).isObject())
        .as("definition %s", definition)
        .isTrue();
    Schema schema;
    synchronized (SCHEMAS) {
      schema =
          SCHEMAS.computeIfAbsent(
              definition,
              d -> {
                ObjectNode wrapper = JSON.createObjectNode();
                wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                wrapper.set("$defs", DOCUMENT.get("$defs"));
                wrapper.put("$ref", "#/$defs/" + d);
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(wrapper);
              });
    }
    List<Error> errors = schema.validate(value);
    assertThat(errors).as("%s against %s", value, definition).isEmpty();
  }
}
