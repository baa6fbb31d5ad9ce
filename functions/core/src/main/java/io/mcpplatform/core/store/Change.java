package io.mcpplatform.core.store;

import io.mcpplatform.core.catalog.ServerEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * An entry as it stood after its latest change (a registration or a health write).
 *
 * @param entry the entry
 * @param changedAt when the store recorded the change
 */
public record Change(ServerEntry entry, Instant changedAt) {

  public Change {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
