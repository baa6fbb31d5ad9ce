package io.mcpplatform.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads a function's tool JSON Schemas from its classpath folder, inlining every {@code {"$ref":
 * SHARED}} with one shared schema (the registry's catalog entry, the maps server's place), since
 * MCP clients and the SDK's validator do not resolve references to other files.
 */
public final class ToolSchemas {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper json;
  private final Class<?> anchor;
  private final String folder;
  private final String shared;
  private final Map<String, Object> sharedSchema;

  /**
   * @param json the mapper to read with
   * @param anchor a class of the function, whose class loader holds the schemas
   * @param folder the classpath folder, such as {@code /registry-schemas/}
   * @param shared the file other schemas refer to, such as {@code entry.json}
   * @throws IllegalStateException if the shared schema is missing
   */
  public ToolSchemas(ObjectMapper json, Class<?> anchor, String folder, String shared) {
    this.json = Objects.requireNonNull(json, "json");
    this.anchor = Objects.requireNonNull(anchor, "anchor");
    this.folder = folder.endsWith("/") ? folder : folder + "/";
    this.shared = Objects.requireNonNull(shared, "shared");
    this.sharedSchema = read(shared);
  }

  /**
   * @param file a schema file in the folder
   * @return the schema, with references to the shared schema inlined
   * @throws IllegalStateException if the file is missing
   */
  public Map<String, Object> load(String file) {
    return inline(read(file));
  }

  private Map<String, Object> read(String file) {
    try (InputStream in = anchor.getResourceAsStream(folder + file)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the jar: " + folder + file);
      }
      return json.readValue(in, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> inline(Map<String, Object> node) {
    if (shared.equals(node.get("$ref"))) {
      return sharedSchema;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    node.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            out.put(k, inline((Map<String, Object>) m));
          } else if (v instanceof List<?> l) {
            out.put(
                k,
                l.stream()
                    .map(x -> x instanceof Map<?, ?> m ? inline((Map<String, Object>) m) : x)
                    .toList());
          } else {
            out.put(k, v);
          }
        });
    return out;
  }
}
