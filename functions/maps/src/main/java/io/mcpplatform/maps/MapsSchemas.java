package io.mcpplatform.maps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Loads the maps tools' JSON Schemas from the classpath, inlining references to the place schema. */
final class MapsSchemas {

  private static final String DIR = "/maps-schemas/";
  private static final String PLACE = "place.json";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper json;
  private final Map<String, Object> place;

  MapsSchemas(ObjectMapper json) {
    this.json = json;
    this.place = read(PLACE);
  }

  Map<String, Object> load(String file) {
    return inline(read(file));
  }

  private Map<String, Object> read(String file) {
    try (InputStream in = MapsSchemas.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the jar: " + file);
      }
      return json.readValue(in, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> inline(Map<String, Object> node) {
    if (PLACE.equals(node.get("$ref"))) {
      return place;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    node.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m) {
        out.put(k, inline((Map<String, Object>) m));
      } else if (v instanceof List<?> l) {
        out.put(k, l.stream().map(x -> x instanceof Map<?, ?> m ? inline((Map<String, Object>) m) : x).toList());
      } else {
        out.put(k, v);
      }
    });
    return out;
  }
}
