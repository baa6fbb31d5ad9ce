package io.mcpplatform.core.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks one or more field rules; the message lists every field and its problem. */
public class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  /**
   * @param errors the problems found, at least one
   */
  public ValidationException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /**
   * @return a single-field failure
   */
  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  /**
   * @return every problem found, in input order
   */
  public List<FieldError> errors() {
    return errors;
  }
}
