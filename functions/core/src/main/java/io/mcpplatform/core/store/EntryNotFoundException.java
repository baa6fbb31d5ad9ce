package io.mcpplatform.core.store;

/** The named entry does not exist. */
public class EntryNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the entry name that was looked for
   */
  public EntryNotFoundException(String name) {
    super("Server with ID '" + name + "' not found");
  }
}
