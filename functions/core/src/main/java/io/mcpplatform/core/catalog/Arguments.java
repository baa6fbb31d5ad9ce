package io.mcpplatform.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * Reads the arguments of one call (MCP tool arguments, a parsed JSON body, a REST query) field by
 * field. Every problem is collected in the {@link FieldChecks} it was built with, named after the
 * field as the caller spelled it, in one phrasing for every edge ("limit must be an integer from 1
 * to 100"); a bad field reads as its fallback so the caller learns of every problem at once.
 */
public final class Arguments {

  private final Map<String, ?> values;
  private final FieldChecks checks;

  /**
   * @param values the arguments by name; numbers, booleans, strings, lists and maps as JSON parses
   *     them
   * @param checks where problems are collected
   */
  public Arguments(Map<String, ?> values, FieldChecks checks) {
    this.values = values == null ? Map.of() : values;
    this.checks = checks;
  }

  /**
   * @return the checks problems are collected in
   */
  public FieldChecks checks() {
    return checks;
  }

  /**
   * @return the raw value of a field, or null
   */
  public Object raw(String field) {
    return values.get(field);
  }

  /**
   * @return the string value, or null when absent, not a string or not well-formed Unicode (then a
   *     problem is recorded)
   */
  public String string(String field) {
    Object raw = values.get(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s) {
      return checks.unicode(field, s) ? s : null;
    }
    checks.fail(field, "must be a string");
    return null;
  }

  /**
   * A whole number in a range. JSON numbers written with a fraction or exponent count when they are
   * whole ({@code 5.0}, {@code 1e1}); text counts when it is a plain integer (query strings carry
   * only text).
   *
   * @return the value, or {@code fallback} when absent or bad (then a problem is recorded)
   */
  public int integer(String field, int fallback, int min, int max) {
    Object raw = values.get(field);
    if (raw == null) {
      return fallback;
    }
    Long value = wholeNumber(raw);
    if (value != null && value >= min && value <= max) {
      return value.intValue();
    }
    checks.fail(field, integerRule(min, max));
    return fallback;
  }

  /**
   * @return how every edge words the rule of an integer field
   */
  public static String integerRule(long min, long max) {
    return "must be an integer from " + min + " to " + max;
  }

  /**
   * @return the number, or null when absent or not a finite number (then a problem is recorded)
   */
  public Double number(String field) {
    Object raw = values.get(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    checks.fail(field, "must be a number");
    return null;
  }

  /**
   * @return the number, or null when absent or not a finite number in the range (then a problem is
   *     recorded)
   */
  public Double number(String field, double min, double max) {
    Object raw = values.get(field);
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number n
        && Double.isFinite(n.doubleValue())
        && n.doubleValue() >= min
        && n.doubleValue() <= max) {
      return n.doubleValue();
    }
    checks.fail(field, "must be a number from " + plain(min) + " to " + plain(max));
    return null;
  }

  /**
   * JSON booleans; text {@code true}, {@code false} and the empty text of a bare query flag ({@code
   * ?include_deleted}) count too.
   *
   * @return the value, false when absent or bad (then a problem is recorded)
   */
  public boolean bool(String field) {
    Object raw = values.get(field);
    if (raw == null || Boolean.FALSE.equals(raw) || "false".equals(raw)) {
      return false;
    }
    if (Boolean.TRUE.equals(raw) || "true".equals(raw) || "".equals(raw)) {
      return true;
    }
    checks.fail(field, "must be true or false");
    return false;
  }

  /**
   * @return the string if it is one of {@code allowed}, else null (a problem is recorded when it
   *     was given)
   */
  public String oneOf(String field, List<String> allowed) {
    String value = string(field);
    if (value != null && !allowed.contains(value)) {
      checks.fail(field, "must be " + quoted(allowed));
      return null;
    }
    return value;
  }

  /**
   * @return a list of non-blank strings of at most {@code maxLength} characters, at most {@code
   *     maxItems} of them; empty when absent or bad (then a problem is recorded)
   */
  public List<String> stringList(String field, int maxItems, int maxLength) {
    Object raw = values.get(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)
        || list.size() > maxItems
        || !list.stream()
            .allMatch(t -> t instanceof String s && !s.isBlank() && s.length() <= maxLength)) {
      checks.fail(
          field,
          "must be an array of at most "
              + maxItems
              + " non-blank strings of at most "
              + maxLength
              + " characters");
      return List.of();
    }
    return list.stream().map(String.class::cast).toList();
  }

  /**
   * @return the RFC 3339 time, or null when absent or not such a time (then a problem is recorded)
   */
  public java.time.Instant time(String field) {
    String raw = string(field);
    if (raw == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      checks.fail(field, "must be an RFC 3339 time such as 2025-01-01T00:00:00Z");
      return null;
    }
  }

  /**
   * @return null for a null or blank value, else the value without surrounding white space
   */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Long wholeNumber(Object raw) {
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof java.math.BigInteger b) {
      return b.bitLength() < 63 ? b.longValue() : null;
    }
    if (raw instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
    }
    if (raw instanceof String s && s.strip().matches("[+-]?\\d{1,15}")) {
      return Long.parseLong(s.strip());
    }
    return null;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String quoted(List<String> allowed) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < allowed.size(); i++) {
      if (i > 0) {
        b.append(i == allowed.size() - 1 ? " or " : ", ");
      }
      b.append('\'').append(allowed.get(i)).append('\'');
    }
    return b.toString();
  }
}
