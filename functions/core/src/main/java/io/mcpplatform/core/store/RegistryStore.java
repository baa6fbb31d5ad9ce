package io.mcpplatform.core.store;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.embedding.EntryVectors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of catalog entries. Registration fields and health fields are written separately,
 * each with a conditional write, so a registration and a health check never overwrite each other.
 *
 * <p>Every write records a change time; {@link #changesSince} returns entries in change order so
 * that a search index can be refreshed incrementally. No method reads the whole table on a request
 * path.
 */
public interface RegistryStore {

  /**
   * @param name the entry name
   * @return the entry, or empty when there is none
   * @throws StoreUnavailableException when the store fails
   */
  Optional<ServerEntry> get(String name);

  /**
   * Writes the registration fields of an entry (everything but health and discovered capabilities,
   * which are kept as stored), with its vectors ({@link ServerEntry#vectors()}; null removes stored
   * ones), if the stored revision is the expected one.
   *
   * @param entry the entry; its revision, publishedAt and updatedAt are ignored and set by the
   *     store
   * @param expectedRevision 0 when the entry must not exist yet, else the revision the caller read
   * @param now the time to record as updatedAt (and publishedAt for a new entry)
   * @return the entry as stored, with revision {@code expectedRevision + 1}
   * @throws ConflictException when the stored revision is another one
   * @throws StoreUnavailableException when the store fails
   */
  ServerEntry saveRegistration(ServerEntry entry, long expectedRevision, Instant now);

  /**
   * Writes the health fields of an existing entry, and its discovered capabilities when given,
   * leaving every registration field alone.
   *
   * @param name the entry name
   * @param health the new health
   * @param discovered capabilities the probe found, or null to keep the stored ones
   * @param now the change time to record
   * @return the entry as stored
   * @throws EntryNotFoundException when there is no such entry
   * @throws StoreUnavailableException when the store fails
   */
  ServerEntry saveHealth(String name, Health health, List<Capability> discovered, Instant now);

  /**
   * Writes the vectors of an existing entry (after a probe found new tools, or a re-embedding),
   * leaving the registration and health alone, if the stored revision is the expected one. Records
   * a change, so search indexes that follow {@link #changesSince} pick the vectors up.
   *
   * @param name the entry name
   * @param vectors the vectors of the entry's current texts
   * @param expectedRevision the revision the vectors were computed for
   * @param now the change time to record
   * @return the entry as stored
   * @throws ConflictException when the entry was registered again meanwhile (the vectors may be
   *     stale)
   * @throws EntryNotFoundException when there is no such entry
   * @throws StoreUnavailableException when the store fails
   */
  ServerEntry saveVectors(String name, EntryVectors vectors, long expectedRevision, Instant now);

  /**
   * Lists entries, most recently updated (registration) first.
   *
   * @param cursor a cursor from a previous page, or null for the first page
   * @param limit page size, 1 to 1000
   * @return one page
   * @throws IllegalArgumentException when the cursor is not one this store issued
   * @throws StoreUnavailableException when the store fails
   */
  Page<ServerEntry> listByUpdated(String cursor, int limit);

  /**
   * Entries changed (registration or health) at or after a time, oldest change first.
   *
   * @param since inclusive lower bound on the change time
   * @param cursor a cursor from a previous page of the same query, or null
   * @param limit page size, 1 to 1000
   * @return one page of changes
   * @throws StoreUnavailableException when the store fails
   */
  Page<Change> changesSince(Instant since, String cursor, int limit);

  /**
   * Adds one check to a server's health history. History is kept apart from the entry: it never
   * changes the entry, its revision or its change time, and it does not show in listings.
   *
   * @param name the entry name
   * @param sample the check
   * @param expiresAt when the store may drop the sample (DynamoDB TTL; the file store drops it on
   *     write)
   * @throws StoreUnavailableException when the store fails
   */
  void appendHealthHistory(String name, HealthSample sample, Instant expiresAt);

  /**
   * A server's health history since a time, oldest first.
   *
   * @param name the entry name
   * @param since inclusive lower bound on the check time
   * @return the samples, empty when there are none (or no such entry)
   * @throws StoreUnavailableException when the store fails
   */
  List<HealthSample> healthHistory(String name, Instant since);

  /**
   * Writes one version of a server, kept apart from the entry: it never changes the entry, its
   * revision or its change time, and it does not show in listings.
   *
   * @param version the version with its registration fields, status and times as they are to be
   *     stored
   * @param mustBeNew true when the version must not exist yet (a publish: versions are immutable);
   *     false to replace a stored copy (a status change, or a re-registration through the MCP tool)
   * @throws ConflictException when {@code mustBeNew} and the version exists, whatever its status
   * @throws StoreUnavailableException when the store fails
   */
  void saveVersion(ServerVersion version, boolean mustBeNew);

  /**
   * @param name the server name
   * @param version the exact version string
   * @return the stored version, or empty
   * @throws StoreUnavailableException when the store fails
   */
  Optional<ServerVersion> getVersion(String name, String version);

  /**
   * Every stored version of a server, in no particular order.
   *
   * @param name the server name
   * @return the versions, empty when there are none
   * @throws StoreUnavailableException when the store fails
   */
  List<ServerVersion> versions(String name);

  /**
   * Adds one record to the audit log.
   *
   * @param record what happened
   * @param expiresAt when the store may drop the record (DynamoDB TTL; the file store drops it on
   *     open)
   * @throws StoreUnavailableException when the store fails
   */
  void appendAudit(AuditRecord record, Instant expiresAt);

  /**
   * Audit records at or after a time, newest first.
   *
   * @param since inclusive lower bound on the record time
   * @param limit most records to return, 1 to 1000
   * @return the records
   * @throws StoreUnavailableException when the store fails
   */
  List<AuditRecord> audit(Instant since, int limit);
}
