package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One problem with one input field.
 *
 * @param field the field as the caller named it, with a path for nested values ({@code
 *     capabilities[2].name})
 * @param message what is wrong and what is accepted
 */
public record FieldError(
    @JsonProperty("field") String field, @JsonProperty("message") String message) {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
