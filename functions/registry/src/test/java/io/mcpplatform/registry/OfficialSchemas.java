package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
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
 * The official MCP Registry API schemas, read from {@code shared/reference/official-registry-schemas.json}
 * (system property {@code registry.schemas}, set by the pom, else found by walking up from the working
 * directory), for validating every REST response.
 */
public final class OfficialSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RELATIVE = "shared/reference/official-registry-schemas.json";
  private static final JsonNode DOCUMENT = load();
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  private OfficialSchemas() {
  }

  /** @return the schema file */
  public static Path file() {
    String configured = System.getProperty("registry.schemas");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(RELATIVE))) {
        return dir.resolve(RELATIVE);
      }
    }
    throw new IllegalStateException("official-registry-schemas.json not found: set -Dregistry.schemas or keep"
        + " shared/ beside the repository");
  }

  private static JsonNode load() {
    try {
      return JSON.readTree(Files.readString(file()));
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
    assertThat(DOCUMENT.at("/$defs/" + definition).isObject()).as("definition %s", definition).isTrue();
    Schema schema;
    synchronized (SCHEMAS) {
      schema = SCHEMAS.computeIfAbsent(definition, d -> {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.set("$defs", DOCUMENT.get("$defs"));
        wrapper.put("$ref", "#/$defs/" + d);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(wrapper);
      });
    }
    List<Error> errors = schema.validate(value);
    assertThat(errors).as("%s against %s", value, definition).isEmpty();
  }
}
