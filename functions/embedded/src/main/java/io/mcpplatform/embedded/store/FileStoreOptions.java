package io.mcpplatform.embedded.store;

/**
 * Tuning of a {@link FileRegistryStore}.
 *
 * @param forceWrites whether every write is also forced to the storage device ({@code
 *     FileChannel.force}) before it returns; without it a write survives a killed process but not a
 *     power loss
 * @param compactionThreshold how many superseded journal records make the store compact its journal
 *     when it opens, at least 1
 */
public record FileStoreOptions(boolean forceWrites, int compactionThreshold) {

  /** Forced writes, compaction once 1,000 records are superseded. */
  public static final FileStoreOptions DEFAULTS = new FileStoreOptions(true, 1_000);

  public FileStoreOptions {
    if (compactionThreshold < 1) {
      throw new IllegalArgumentException("compactionThreshold must be at least 1");
    }
  }
}
