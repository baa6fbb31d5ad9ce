package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.ServerEntry;

/**
 * What a registration did.
 *
 * @param entry the entry as stored
 * @param created true for a new entry ("registered"), false for a change to an existing one
 *     ("updated")
 */
public record RegistrationOutcome(ServerEntry entry, boolean created) {

  /**
   * @return the seed's message: {@code Server 'NAME' registered|updated successfully with ID: ID}
   */
  public String message() {
    return "Server '"
        + entry.title()
        + "' "
        + (created ? "registered" : "updated")
        + " successfully with ID: "
        + entry.name();
  }
}
