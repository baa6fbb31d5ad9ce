package io.mcpplatform.mcpclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as plain Java values ({@code Map<String, Object>} in document order, {@code List<Object>},
 * {@code String}, {@code Long} or {@code BigInteger}, {@code Double} or {@code BigDecimal}, {@code
 * Boolean}, {@code null}) on Jackson's streaming parser and generator, for the client's MCP
 * sessions and the registry's answers.
 *
 * <p>Why not Jackson's data binding here: creating its mapper alone is over 100 ms of cold code in
 * a fresh process (measured on this project's machine: {@code JsonMapper.shared()} 114-143 ms with
 * the class-data archive, the streaming factory 10 ms), a third of the budget of a command's
 * discovery. The client's other JSON (model APIs, {@code --json} output) still uses the mapper,
 * after discovery.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * @param in a JSON document (read to its end, not closed)
   * @return its value
   * @throws IllegalArgumentException when it is not one well-formed JSON value
   * @throws UncheckedIOException when reading fails (its cause is the {@link IOException})
   */
  public static Object parse(InputStream in) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      return document(p);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause() != null ? e.getCause() : new IOException(e));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param text a JSON document
   * @return its value
   * @throws IllegalArgumentException when it is not one well-formed JSON value
   */
  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      return document(p);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param value plain values as {@link #parse} gives (other types are written by Jackson's mapper)
   * @return its JSON, compact, UTF-8
   */
  public static byte[] write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      value(g, value);
    }
    return out.toByteArray();
  }

  /**
   * @param value plain values as {@link #parse} gives
   * @return its JSON, compact
   */
  public static String text(Object value) {
    return new String(write(value), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * @return {@code value} as a JSON object, or null when it is not one
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  /**
   * @return {@code value} as a JSON array, or null when it is not one
   */
  @SuppressWarnings("unchecked")
  public static List<Object> array(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : null;
  }

  /**
   * @return the member as a string, or null when absent or not a string
   */
  public static String string(Map<String, Object> object, String member) {
    return object.get(member) instanceof String s ? s : null;
  }

  private static Object document(JsonParser p) {
    if (p.nextToken() == null) {
      throw new IllegalArgumentException("empty JSON document");
    }
    Object value = read(p);
    if (p.nextToken() != null) {
      throw new IllegalArgumentException("more than one JSON value in the document");
    }
    return value;
  }

  /**
   * Recursive; the parser refuses documents nested deeper than 500 levels before the stack can run
   * out.
   */
  private static Object read(JsonParser p) {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = p.nextName()) != null) {
          p.nextToken();
          object.put(name, read(p));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p));
        }
        return array;
      }
      case VALUE_STRING -> {
        return p.getString();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        return Double.isInfinite(d) ? p.getDecimalValue() : d;
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    }
  }

  private static void value(JsonGenerator g, Object value) {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      g.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (value instanceof BigDecimal b) {
      g.writeNumber(b);
    } else {
      // anything else (a JSON tree from a model SDK, an array, a record): exactly as Jackson writes
      // it
      g.writeRawValue(JsonMapper.shared().writeValueAsString(value));
    }
  }
}
