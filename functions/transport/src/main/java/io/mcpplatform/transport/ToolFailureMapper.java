package io.mcpplatform.transport;

/**
 * Turns an exception thrown by a tool handler into text a client may read, for example a validation
 * error that names the field. Functions plug in their domain exceptions here.
 */
@FunctionalInterface
public interface ToolFailureMapper {

  /** Knows no exception: every failure becomes "Internal error (ref ...)". */
  ToolFailureMapper NONE = failure -> null;

  /**
   * @param failure what the tool threw
   * @return a client-safe message, or null when this mapper does not know the exception (it is then
   *     logged with a reference and the client sees only the reference)
   */
  String describe(Exception failure);

  /**
   * This mapper, falling back to {@code next} for exceptions it does not know.
   *
   * @param next the mapper to ask second
   * @return the combined mapper
   */
  default ToolFailureMapper orElse(ToolFailureMapper next) {
    return failure -> {
      String message = describe(failure);
      return message != null ? message : next.describe(failure);
    };
  }
}
