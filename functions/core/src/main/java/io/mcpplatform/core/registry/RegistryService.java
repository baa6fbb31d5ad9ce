package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryEmbedder;
import io.mcpplatform.core.embedding.TextEmbedder;
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
 * The registry's use cases: register, search, get and list servers. Registrations are
 * read-modify-write with a conditional save, so concurrent writers never lose each other's changes;
 * search runs on an in-memory index refreshed incrementally from the store.
 */
public final class RegistryService {

  private static final int MAX_ATTEMPTS = 5;

  private final RegistryStore store;
  private final SearchIndex index;
  private final IndexSync sync;
  private final Clock clock;
  private final ServerVersions versions;
  private final EntryEmbedder embedder;

  /**
   * A registry whose search ranks by BM25 alone and whose writes store no vectors.
   *
   * @param store where entries live
   * @param clock time source for updatedAt and refresh decisions
   * @param refreshInterval how stale the search index may get before a search refreshes it from the
   *     store
   */
  public RegistryService(RegistryStore store, Clock clock, Duration refreshInterval) {
    this(store, clock, refreshInterval, null);
  }

  /**
   * @param store where entries live
   * @param clock time source for updatedAt and refresh decisions
   * @param refreshInterval how stale the search index may get before a search refreshes it from the
   *     store
   * @param embedder the sentence-embedding model: writes store the vectors of the entry's texts,
   *     searches fuse meaning with BM25; null for BM25 alone. Writes wait for the model, gets and
   *     listings never do.
   */
  public RegistryService(
      RegistryStore store, Clock clock, Duration refreshInterval, TextEmbedder embedder) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.embedder = embedder == null ? null : new EntryEmbedder(embedder);
    this.index = new SearchIndex(embedder);
    this.sync =
        new IndexSync(
            store, index, this::indexIfNewer, clock, refreshInterval, Duration.ofSeconds(5));
    this.versions = new ServerVersions(store, this, clock);
  }

  /**
   * @return the versioned view of this catalog (the official registry API's)
   */
  public ServerVersions versions() {
    return versions;
  }

  /**
   * Registers a new server or updates an existing one.
   *
   * @param request a checked registration
   * @return the stored entry and whether it was new
   * @throws ConflictException when other writers kept changing the same entry
   * @throws VersionExistsException when the version was deleted (deleted versions never come back)
   *     or is published with another remote (a published version's remote never changes)
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the store fails
   */
  public RegistrationOutcome register(RegistrationRequest request) {
    ConflictException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ServerEntry existing = store.get(request.serverId()).orElse(null);
      versions.checkRegistrable(request, existing);
      long expected = existing == null ? 0 : existing.revision();
      try {
        ServerEntry saved =
            store.saveRegistration(
                withVectors(request.toEntry(existing), existing),
                expected,
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
   * Computes the vectors of an entry about to be written, reusing the stored vectors of unchanged
   * texts. The discovered capabilities are the stored ones (a registration keeps them).
   *
   * @param next the entry to write
   * @param existing the stored entry, or null
   * @return {@code next} with its vectors, or unchanged without a model
   */
  ServerEntry withVectors(ServerEntry next, ServerEntry existing) {
    if (embedder == null) {
      return next;
    }
    ServerEntry texts =
        existing == null
            ? next
            : next.withDiscoveredCapabilities(existing.discoveredCapabilities());
    return next.withVectors(embedder.vectors(texts, existing == null ? null : existing.vectors()));
  }

  /**
   * Embeds every entry whose stored vectors are missing (written before vectors existed), of
   * another model, or stale, and stores the vectors; entries changed meanwhile are read again.
   *
   * @return how many entries got new vectors
   * @throws IllegalStateException when this registry has no model
   * @throws io.mcpplatform.core.store.StoreUnavailableException when the store fails
   */
  public int reindex() {
    if (embedder == null) {
      throw new IllegalStateException("this registry has no embedding model");
    }
    int embedded = 0;
    String cursor = null;
    do {
      Page<ServerEntry> page = store.listByUpdated(cursor, 500);
      for (ServerEntry entry : page.items()) {
        if (reembed(entry)) {
          embedded++;
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return embedded;
  }

  private boolean reembed(ServerEntry entry) {
    ServerEntry current = entry;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && current != null; attempt++) {
      if (!embedder.isStale(current)) {
        return false;
      }
      try {
        indexIfNewer(
            store.saveVectors(
                current.name(),
                embedder.vectors(current, current.vectors()),
                current.revision(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return true;
      } catch (ConflictException e) {
        current = store.get(current.name()).orElse(null);
      }
    }
    return false;
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

  /**
   * @return the number of entries the search index holds (after a refresh when one is due)
   */
  public int indexedCount() {
    sync.refreshIfDue();
    return index.size();
  }

  /**
   * Records a copy of an entry written elsewhere in this process (a health write), if it is news.
   */
  public void indexIfNewer(ServerEntry entry) {
    synchronized (index) {
      if (entry.supersedes(index.get(entry.name()))) {
        index.upsert(entry);
      }
    }
  }
}
