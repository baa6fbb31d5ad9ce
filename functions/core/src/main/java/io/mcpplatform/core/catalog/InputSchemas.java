package io.mcpplatform.core.catalog;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The rules for a tool's input schema kept in the catalog, and its canonical form.
 *
 * <p>A kept schema is a JSON object of at most {@value #MAX_BYTES} bytes as compact UTF-8 JSON,
 * nested at most {@value #MAX_DEPTH} levels; the schemas of one capability list (declared, or
 * discovered) hold at most {@value #MAX_TOTAL_BYTES} bytes together. With both lists full that is
 * 128 KiB of an entry, well inside a DynamoDB item's 400 KB, and a server's page shows any one
 * schema inline or behind a link without growing past its budget. Registration refuses a schema
 * that breaks a rule; a probe keeps the tool and drops its schema.
 *
 * <p>The canonical form is an unmodifiable copy in document order whose integers are {@code Long}
 * (or {@code BigInteger} past 64 bits) and whose fractions are {@code Double}, so a schema equals
 * itself after any store's round trip, whichever parser read it.
 */
public final class InputSchemas {

  /** Largest schema kept, in bytes of compact UTF-8 JSON. */
  public static final int MAX_BYTES = 16 * 1024;

  /** Largest sum of the schemas of one capability list, in bytes of compact UTF-8 JSON. */
  public static final int MAX_TOTAL_BYTES = 64 * 1024;

  /** Deepest nesting kept: the schema object itself is level 1. */
  public static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY = new JsonFactory();

  private InputSchemas() {}

  /**
   * A schema as checked: its canonical copy and size when it passed, else why not.
   *
   * @param schema the canonical copy, null when refused
   * @param bytes its size as compact UTF-8 JSON, 0 when refused
   * @param problem why it was refused, phrased to follow a field name; null when it passed
   */
  public record Checked(Map<String, Object> schema, int bytes, String problem) {

    /**
     * @return true when the schema passed
     */
    public boolean ok() {
      return problem == null;
    }
  }

  /**
   * Checks one schema against the per-schema rules (the list budget is the caller's to apply).
   *
   * @param value a parsed JSON value (maps, lists, strings, numbers, booleans, null)
   * @return the canonical schema and its size, or the problem
   */
  public static Checked check(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return refused(
          "must be a JSON object (a JSON Schema such as {\"type\": \"object\", \"properties\": {}})");
    }
    Map<String, Object> schema;
    try {
      schema = copy(map);
    } catch (IllegalArgumentException e) {
      return refused("must hold only JSON values (" + e.getMessage() + ")");
    }
    int depth = depth(schema);
    if (depth > MAX_DEPTH) {
      return refused("must nest at most " + MAX_DEPTH + " levels deep (got " + depth + ")");
    }
    int bytes = compactBytes(schema);
    if (bytes > MAX_BYTES) {
      return refused("must be at most " + MAX_BYTES + " bytes as compact JSON (got " + bytes + ")");
    }
    return new Checked(schema, bytes, null);
  }

  private static Checked refused(String problem) {
    return new Checked(null, 0, problem);
  }

  /**
   * @param schema a schema, nullable
   * @return its size in bytes as compact UTF-8 JSON, 0 for null
   */
  public static int compactBytes(Map<String, Object> schema) {
    if (schema == null) {
      return 0;
    }
    Counter out = new Counter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      write(g, schema);
    }
    return (int) Math.min(Integer.MAX_VALUE, out.count);
  }

  /**
   * The canonical form (see the class comment).
   *
   * @param schema a JSON object as a parser gives it
   * @return an unmodifiable deep copy
   * @throws IllegalArgumentException when it holds a key that is not a string or a value that is
   *     not JSON
   */
  static Map<String, Object> copy(Map<?, ?> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : schema.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("a member name is not a string");
      }
      out.put(key, value(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double) {
      return v;
    }
    if (v instanceof Map<?, ?> map) {
      return copy(map);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(value(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof BigDecimal decimal) {
      double d = decimal.doubleValue();
      return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(decimal) == 0
          ? (Object) d
          : decimal;
    }
    throw new IllegalArgumentException("a value is a " + v.getClass().getSimpleName());
  }

  private static int depth(Object v) {
    int deepest = 0;
    if (v instanceof Map<?, ?> map) {
      for (Object child : map.values()) {
        deepest = Math.max(deepest, depth(child));
      }
      return deepest + 1;
    }
    if (v instanceof List<?> list) {
      for (Object child : list) {
        deepest = Math.max(deepest, depth(child));
      }
      return deepest + 1;
    }
    return 0;
  }

  private static void write(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigInteger big) {
      g.writeNumber(big);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else {
      g.writeNumber((BigDecimal) v);
    }
  }

  /** Counts bytes and keeps none. */
  private static final class Counter extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
