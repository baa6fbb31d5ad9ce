package io.mcpplatform.transport;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Phrases JSON Schema failures of tool arguments as the tools phrase their own checks, naming the
 * field and what it must be ("limit must be an integer from 1 to 100"), from the tool's schema
 * itself. Nothing of the schema library (class names, keywords, node types) reaches the caller.
 */
final class SchemaMessages {

  private SchemaMessages() {}

  /**
   * @param schema the tool's schema
   * @param errors what the schema library found
   * @return one phrase per bad field, joined with "; "
   */
  static String describe(Map<String, Object> schema, List<Error> errors) {
    Set<String> phrases = new LinkedHashSet<>();
    for (Error error : errors) {
      String keyword = error.getKeyword() == null ? "" : error.getKeyword();
      String parent = path(error.getInstanceLocation());
      if (keyword.equals("required") && error.getProperty() != null) {
        phrases.add(join(parent, error.getProperty()) + " is required");
      } else if (keyword.equals("additionalProperties") && error.getProperty() != null) {
        phrases.add(join(parent, error.getProperty()) + " is not a known field");
      } else {
        phrases.add(
            (parent.isEmpty() ? "the value" : parent)
                + " "
                + rule(propertySchema(schema, error.getInstanceLocation())));
      }
    }
    return phrases.isEmpty()
        ? "the arguments do not match the tool's input schema"
        : String.join("; ", phrases);
  }

  /**
   * For a value the schema library could not read (a number too large for its integer checks):
   * names the top-level fields whose values break their integer or number rules.
   *
   * @param schema the tool's schema
   * @param instance the value checked
   * @return one phrase per bad field, or a general phrase when none is found
   */
  static String describeUnreadable(Map<String, Object> schema, JsonNode instance) {
    List<String> phrases = new ArrayList<>();
    if (instance != null
        && instance.isObject()
        && schema.get("properties") instanceof Map<?, ?> properties) {
      for (Map.Entry<?, ?> entry : properties.entrySet()) {
        JsonNode value = instance.get(String.valueOf(entry.getKey()));
        if (value != null
            && entry.getValue() instanceof Map<?, ?> property
            && !fits(property, value)) {
          phrases.add(entry.getKey() + " " + rule(property));
        }
      }
    }
    return phrases.isEmpty()
        ? "the arguments do not match the tool's input schema"
        : String.join("; ", phrases);
  }

  private static boolean fits(Map<?, ?> property, JsonNode value) {
    Object type = property.get("type");
    if (!"integer".equals(type) && !"number".equals(type)) {
      return true;
    }
    if (!value.isNumber()) {
      return false;
    }
    BigDecimal number = value.decimalValue();
    if ("integer".equals(type) && number.stripTrailingZeros().scale() > 0) {
      return false;
    }
    return (!(property.get("minimum") instanceof Number min)
            || number.compareTo(new BigDecimal(min.toString())) >= 0)
        && (!(property.get("maximum") instanceof Number max)
            || number.compareTo(new BigDecimal(max.toString())) <= 0);
  }

  /**
   * @return what a value under this schema must be, in words
   */
  static String rule(Map<?, ?> property) {
    if (property == null) {
      return "is not allowed here";
    }
    Object type = property.get("type");
    Object min = property.get("minimum");
    Object max = property.get("maximum");
    if (property.get("enum") instanceof List<?> values) {
      List<String> quoted = new ArrayList<>();
      values.forEach(v -> quoted.add("'" + v + "'"));
      return "must be one of " + String.join(", ", quoted);
    }
    if ("integer".equals(type) || "number".equals(type)) {
      String noun = "integer".equals(type) ? "an integer" : "a number";
      if (min != null && max != null) {
        return "must be " + noun + " from " + min + " to " + max;
      }
      if (min != null) {
        return "must be " + noun + " of at least " + min;
      }
      return max != null ? "must be " + noun + " of at most " + max : "must be " + noun;
    }
    if ("string".equals(type)) {
      Object maxLength = property.get("maxLength");
      Object minLength = property.get("minLength");
      if (maxLength != null) {
        return "must be a string of "
            + (minLength != null ? minLength + " to " + maxLength : "at most " + maxLength)
            + " characters";
      }
      return minLength != null
          ? "must be a string of at least " + minLength + " characters"
          : "must be a string";
    }
    if ("boolean".equals(type)) {
      return "must be true or false";
    }
    if ("array".equals(type)) {
      Object maxItems = property.get("maxItems");
      String items =
          property.get("items") instanceof Map<?, ?> item && item.get("type") != null
              ? " of " + item.get("type") + "s"
              : "";
      return "must be an array"
          + items
          + (maxItems != null ? " with at most " + maxItems + " items" : "");
    }
    if ("object".equals(type)) {
      return "must be an object";
    }
    return "does not match the tool's input schema";
  }

  /**
   * @return the schema of the value at a path, following properties and items, or null
   */
  private static Map<?, ?> propertySchema(Map<String, Object> schema, NodePath location) {
    Object current = schema;
    for (int i = 0; location != null && i < location.getNameCount(); i++) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      Object element = location.getElement(i);
      if (element instanceof Integer) {
        current = map.get("items");
      } else {
        current =
            map.get("properties") instanceof Map<?, ?> properties
                ? properties.get(String.valueOf(element))
                : null;
      }
    }
    return current instanceof Map<?, ?> map ? map : null;
  }

  /**
   * @return a path as a caller writes it: {@code tags[0]}, {@code remote.url}; empty for the whole
   *     value
   */
  private static String path(NodePath location) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; location != null && i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        b.append('[').append(index).append(']');
      } else {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(element);
      }
    }
    return b.toString();
  }

  private static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }
}
