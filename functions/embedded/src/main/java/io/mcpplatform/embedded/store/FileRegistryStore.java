package io.mcpplatform.embedded.store;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.store.Change;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.EntryNotFoundException;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A durable {@link RegistryStore} in a local directory, for running the platform without AWS.
 *
 * <p>Every write appends one checksummed JSON line to a journal ({@code journal.jsonl}) and returns
 * only once the operating system holds it (and the storage device, with {@link
 * FileStoreOptions#forceWrites}), so data survives a restart and a killed process. Opening replays
 * the journal into memory, drops a torn last record left by a crash, and compacts the journal when
 * many of its records are superseded. One process at a time may use a directory; it holds a lock on
 * {@code LOCK} until {@link #close()}.
 */
public final class FileRegistryStore implements RegistryStore, AutoCloseable {

  static final String LOCK_FILE = "LOCK";
  private static final int MAX_LIMIT = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(FileRegistryStore.class);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Journal journal;
  private final HealthHistoryFile history;
  private final VersionsFile versions;
  private final AuditFile audit;
  private final EntryIndex index = new EntryIndex();
  private final ReadWriteLock guard = new ReentrantReadWriteLock();
  private boolean closed;

  private FileRegistryStore(Path dir, FileStoreOptions options) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    this.lockChannel =
        PrivateFiles.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock acquired;
    try {
      acquired = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      lockChannel.close();
      throw new StoreUnavailableException(
          "Registry data directory "
              + dir
              + " is in use by another process (or another store in this one); stop it or choose another directory",
          null);
    }
    this.lock = acquired;
    Journal openedJournal = null;
    try {
      JsonMapper mapper =
          JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
      openedJournal =
          Journal.open(
              dir,
              mapper,
              options.forceWrites(),
              record -> index.put(new Change(record.entry(), record.changedAt())));
      if (index.superseded() >= options.compactionThreshold()) {
        long before = openedJournal.size();
        openedJournal.rewrite(
            index.inChangeOrder().stream()
                .map(c -> Journal.Record.of(c.changedAt(), c.entry()))
                .toList());
        LOG.info(
            "Compacted registry journal in {}: {} superseded records dropped, {} -> {} bytes",
            dir,
            index.superseded(),
            before,
            openedJournal.size());
        index.compacted();
      }
      this.history = HealthHistoryFile.open(dir, mapper, Instant.now());
      this.versions = VersionsFile.open(dir, mapper, options.forceWrites());
      this.audit = AuditFile.open(dir, mapper, options.forceWrites(), Instant.now());
      this.journal = openedJournal;
    } catch (IOException | RuntimeException e) {
      if (openedJournal != null) {
        openedJournal.close();
      }
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  /**
   * Opens (creating if missing) the store in a directory with {@link FileStoreOptions#DEFAULTS}.
   *
   * @param dir the data directory
   * @return the open store; close it to release the directory
   * @throws StoreUnavailableException when the directory cannot be used, is locked by another
   *     process, or holds a journal damaged before its last record
   */
  public static FileRegistryStore open(Path dir) {
    return open(dir, FileStoreOptions.DEFAULTS);
  }

  /**
   * Opens (creating if missing) the store in a directory.
   *
   * @param dir the data directory
   * @param options durability and compaction settings
   * @return the open store; close it to release the directory
   * @throws StoreUnavailableException when the directory cannot be used, is locked by another
   *     process, or holds a journal damaged before its last record
   */
  public static FileRegistryStore open(Path dir, FileStoreOptions options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    try {
      return new FileRegistryStore(dir.toAbsolutePath(), options);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "Cannot open registry data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the data directory
   */
  public Path directory() {
    return dir;
  }

  @Override
  public Optional<ServerEntry> get(String name) {
    guard.readLock().lock();
    try {
      checkOpen();
      Change change = index.get(name);
      return change == null ? Optional.empty() : Optional.of(change.entry());
    } finally {
      guard.readLock().unlock();
    }
  }

  @Override
  public ServerEntry saveRegistration(ServerEntry entry, long expectedRevision, Instant now) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(now, "now");
    guard.writeLock().lock();
    try {
      checkOpen();
      Change current = index.get(entry.name());
      long stored = current == null ? 0 : current.entry().revision();
      if (stored != expectedRevision) {
        throw new ConflictException(
            "Server '"
                + entry.name()
                + "' is at revision "
                + stored
                + ", not "
                + expectedRevision
                + "; read it again and retry");
      }
      ServerEntry next =
          current == null
              ? entry
                  .withHealth(Health.UNKNOWN)
                  .withDiscoveredCapabilities(List.of())
                  .withBookkeeping(now, now, 1)
              : entry
                  .withHealth(current.entry().health())
                  .withDiscoveredCapabilities(current.entry().discoveredCapabilities())
                  .withBookkeeping(current.entry().publishedAt(), now, stored + 1);
      write(new Change(next, now));
      return next;
    } finally {
      guard.writeLock().unlock();
    }
  }

  @Override
  public ServerEntry saveHealth(
      String name, Health health, List<Capability> discovered, Instant now) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(now, "now");
    guard.writeLock().lock();
    try {
      checkOpen();
      Change current = index.get(name);
      if (current == null) {
        throw new EntryNotFoundException(name);
      }
      ServerEntry next = current.entry().withHealth(health);
      if (discovered != null) {
        next = next.withDiscoveredCapabilities(discovered);
      }
      write(new Change(next, now));
      return next;
    } finally {
      guard.writeLock().unlock();
    }
  }

  @Override
  public ServerEntry saveVectors(
      String name, EntryVectors vectors, long expectedRevision, Instant now) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(now, "now");
    guard.writeLock().lock();
    try {
      checkOpen();
      Change current = index.get(name);
      if (current == null) {
        throw new EntryNotFoundException(name);
      }
      if (current.entry().revision() != expectedRevision) {
        throw new ConflictException(
            "Server '"
                + name
                + "' is at revision "
                + current.entry().revision()
                + ", not "
                + expectedRevision
                + "; its vectors may be stale");
      }
      ServerEntry next = current.entry().withVectors(vectors);
      write(new Change(next, now));
      return next;
    } finally {
      guard.writeLock().unlock();
    }
  }

  private void write(Change change) {
    try {
      journal.append(Journal.Record.of(change.changedAt(), change.entry()));
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "Cannot write to registry journal in " + dir + ": " + e.getMessage(), e);
    }
    index.put(change);
  }

  @Override
  public Page<ServerEntry> listByUpdated(String cursor, int limit) {
    checkLimit(limit);
    guard.readLock().lock();
    try {
      checkOpen();
      return index.listByUpdated(cursor, limit);
    } finally {
      guard.readLock().unlock();
    }
  }

  @Override
  public Page<Change> changesSince(Instant since, String cursor, int limit) {
    Objects.requireNonNull(since, "since");
    checkLimit(limit);
    guard.readLock().lock();
    try {
      checkOpen();
      return index.changesSince(since, cursor, limit);
    } finally {
      guard.readLock().unlock();
    }
  }

  @Override
  public void appendHealthHistory(String name, HealthSample sample, Instant expiresAt) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(expiresAt, "expiresAt");
    guard.writeLock().lock();
    try {
      checkOpen();
      history.append(name, sample, expiresAt);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "Cannot write health history in " + dir + ": " + e.getMessage(), e);
    } finally {
      guard.writeLock().unlock();
    }
  }

  @Override
  public List<HealthSample> healthHistory(String name, Instant since) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(since, "since");
    guard.readLock().lock();
    try {
      checkOpen();
      return history.since(name, since);
    } finally {
      guard.readLock().unlock();
    }
  }

  @Override
  public void saveVersion(ServerVersion version, boolean mustBeNew) {
    Objects.requireNonNull(version, "version");
    guard.writeLock().lock();
    try {
      checkOpen();
      if (mustBeNew && versions.get(version.name(), version.version()) != null) {
        throw new ConflictException(
            "Version " + version.version() + " of server '" + version.name() + "' exists already");
      }
      versions.save(version);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "Cannot write server versions in " + dir + ": " + e.getMessage(), e);
    } finally {
      guard.writeLock().unlock();
    }
  }

  @Override
  public Optional<ServerVersion> getVersion(String name, String version) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    guard.readLock().lock();
    try {
      checkOpen();
      return Optional.ofNullable(versions.get(name, version));
    } finally {
      guard.readLock().unlock();
    }
  }

  @Override
  public List<ServerVersion> versions(String name) {
    Objects.requireNonNull(name, "name");
    guard.readLock().lock();
    try {
      checkOpen();
      return versions.all(name);
    } finally {
      guard.readLock().unlock();
    }
  }

  @Override
  public void appendAudit(AuditRecord record, Instant expiresAt) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(expiresAt, "expiresAt");
    guard.writeLock().lock();
    try {
      checkOpen();
      audit.append(record, expiresAt);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "Cannot write the audit log in " + dir + ": " + e.getMessage(), e);
    } finally {
      guard.writeLock().unlock();
    }
  }

  @Override
  public List<AuditRecord> audit(Instant since, int limit) {
    Objects.requireNonNull(since, "since");
    checkLimit(limit);
    guard.readLock().lock();
    try {
      checkOpen();
      return audit.since(since, limit);
    } catch (java.io.UncheckedIOException e) {
      throw new StoreUnavailableException(
          "Cannot read the audit log in " + dir + ": " + e.getMessage(), e);
    } finally {
      guard.readLock().unlock();
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreUnavailableException("Registry store in " + dir + " is closed", null);
    }
  }

  /** Releases the directory; later calls fail with {@link StoreUnavailableException}. */
  @Override
  public void close() {
    guard.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        try {
          history.close();
          versions.close();
          audit.close();
        } finally {
          journal.close();
        }
      } finally {
        lock.release();
        lockChannel.close();
      }
    } catch (IOException e) {
      LOG.warn("Closing registry store in {} failed: {}", dir, e.toString());
    } finally {
      guard.writeLock().unlock();
    }
  }
}
