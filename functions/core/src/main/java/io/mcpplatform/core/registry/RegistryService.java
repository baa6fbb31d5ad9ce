package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.search.SearchIndex;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.core.search.SearchResult;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.core.store.RegistryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's use cases: register, search, get and list servers. Registrations are read-modify-write
 * with a conditional save, so concurrent writers never lose each other's changes; search runs on an
 * in-memory index refreshed incrementally from the store.
 */
public final class RegistryService {

  private static final int MAX_ATTEMPTS = 5;

  private final RegistryStore store;
  private final SearchIndex index;
  private final IndexSync sync;
  private final Clock clock;
  private final ServerVersions versions;

  /**
   * @param store where entries live
   * @param clock time source for updatedAt and refresh decisions
   * @param refreshInterval how stale the search index may get before a search refreshes it from the store
   */
  public RegistryService(RegistryStore store, Clock clock, Duration refreshInterval) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.index = new SearchIndex();
    this.sync = new IndexSync(store, index, this::indexIfNewer, clock, refreshInterval, Duration.ofSeconds(5));
    this.versions = new ServerVersions(store, this, clock);
  }

  /** @return the versioned view of this catalog (the official registry API's) */
  public ServerVersions versions() {
    return versions;
  }

  /**
   * Registers a new server or updates an existing one.
   *
   * @param request a checked registration
   * @return the stored entry and whether it was new
   * @throws ConflictException when other writers kept changing the same entry
   * @throws VersionExistsException when the version was deleted (deleted versions never come back) or is
   *     published with another remote (a published version's remote never changes)
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the store fails
   */
  public RegistrationOutcome register(RegistrationRequest request) {
    ConflictException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ServerEntry existing = store.get(request.serverId()).orElse(null);
      versions.checkRegistrable(request, existing);
      long expected = existing == null ? 0 : existing.revision();
      try {
        ServerEntry saved = store.saveRegistration(request.toEntry(existing), expected,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
        indexIfNewer(saved);
        versions.recordRegistration(saved);
        return new RegistrationOutcome(saved, existing == null);
      } catch (ConflictException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Ranked search over the catalog.
   *
   * @param query text, filters and page
   * @return one page of hits
   */
  public SearchResult search(SearchQuery query) {
    sync.refreshIfDue();
    return index.search(query);
  }

  /**
   * @param name a server id
   * @return the entry, read from the store (not the index), or empty
   */
  public Optional<ServerEntry> get(String name) {
    Optional<ServerEntry> entry = store.get(name);
    entry.ifPresent(this::indexIfNewer);
    return entry;
  }

  /**
   * Lists every entry whatever its health, most recently updated first.
   *
   * @param cursor from a previous page, or null
   * @param limit page size
   * @return one page
   */
  public Page<ServerEntry> list(String cursor, int limit) {
    return store.listByUpdated(cursor, limit);
  }

  /** @return the number of entries the search index holds (after a refresh when one is due) */
  public int indexedCount() {
    sync.refreshIfDue();
    return index.size();
  }

  /** Records a copy of an entry written elsewhere in this process (a health write), if it is news. */
  public void indexIfNewer(ServerEntry entry) {
    synchronized (index) {
      if (entry.supersedes(index.get(entry.name()))) {
        index.upsert(entry);
      }
    }
  }
}
