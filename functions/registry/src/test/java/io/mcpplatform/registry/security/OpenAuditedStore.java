package io.mcpplatform.registry.security;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.embedded.store.FileRegistryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Opens a data directory's store and reads its audit log: the restart {@link
 * AuditFloodSecurityTest} runs.
 */
public final class OpenAuditedStore {

  private OpenAuditedStore() {}

  /**
   * @param args the data directory
   */
  public static void main(String[] args) {
    try (FileRegistryStore store = FileRegistryStore.open(Path.of(args[0]))) {
      List<AuditRecord> records = store.audit(Instant.parse("2026-01-01T00:00:00Z"), 100);
      System.out.println("records=" + records.size() + " target=" + records.get(0).target());
    }
  }
}
