package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.RegistryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versioned view of the catalog that the official registry API shows. The catalog entry of a
 * server is its latest version (what search and the MCP tools see); every published version is also
 * kept as an immutable version item whose only changing field is its lifecycle status. A server
 * registered before versions were kept shows its entry as its one version.
 */
public final class ServerVersions {

  private static final int MAX_ATTEMPTS = 5;

  private final RegistryStore store;
  private final RegistryService service;
  private final Clock clock;

  /**
   * @param store where entries and versions live
   * @param service the registry, whose search index learns of entry changes
   * @param clock time source
   */
  public ServerVersions(RegistryStore store, RegistryService service, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.service = Objects.requireNonNull(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a publish did.
   *
   * @param version the stored version
   * @param latest whether it became the latest version (the catalog entry)
   */
  public record PublishOutcome(ServerVersion version, boolean latest) {}

  /**
   * Publishes a new version. It becomes the latest when it has higher semantic-version precedence
   * than the current latest (or either is not a semantic version).
   *
   * @param entry a checked entry, see {@link PublishRequest}
   * @return the stored version and whether it is now the latest
   * @throws VersionExistsException when that version was published before, whatever its status
   */
  public PublishOutcome publish(ServerEntry entry) {
    Instant now = now();
    ServerEntry current = store.get(entry.name()).orElse(null);
    if (current != null && current.version().equals(entry.version())) {
      throw new VersionExistsException(entry.name(), entry.version());
    }
    ServerVersion version =
        new ServerVersion(snapshot(entry.withStatus(LifecycleStatus.ACTIVE), now, now), null, null);
    try {
      store.saveVersion(version, true);
    } catch (ConflictException e) {
      throw new VersionExistsException(entry.name(), entry.version());
    }
    boolean latest =
        current == null || SemanticVersion.supersedes(entry.version(), current.version());
    if (latest) {
      writeEntry(
          entry.name(),
          existing -> {
            ServerEntry next = entry.withStatus(LifecycleStatus.ACTIVE);
            if (existing == null) {
              return next;
            }
            return existing.toBuilder()
                .name(next.name())
                .title(next.title())
                .description(next.description())
                .version(next.version())
                .remotes(next.remotes())
                .repository(next.repository())
                .websiteUrl(next.websiteUrl())
                .status(LifecycleStatus.ACTIVE)
                .build();
          });
    }
    return new PublishOutcome(version, latest);
  }

  /**
   * Records the version an MCP registration wrote (re-registering the same version replaces its
   * item).
   *
   * @param saved the entry as stored by the registration
   */
  void recordRegistration(ServerEntry saved) {
    Optional<ServerVersion> existing = store.getVersion(saved.name(), saved.version());
    Instant published = existing.map(v -> v.entry().publishedAt()).orElse(saved.updatedAt());
    store.saveVersion(
        new ServerVersion(snapshot(saved, published, saved.updatedAt()), null, null), false);
  }

  /**
   * Fails when a registration would change what a published version is: bring back a deleted
   * version, or point an existing version at another remote (URL or transport). Its description,
   * tags and capabilities may change.
   *
   * @param request a checked registration
   * @param existing the stored entry of the same name, or null
   * @throws VersionExistsException when the registration would change a published version
   */
  void checkRegistrable(RegistrationRequest request, ServerEntry existing) {
    ServerEntry published =
        store
            .getVersion(request.serverId(), request.version())
            .map(
                v -> {
                  if (v.status() == LifecycleStatus.DELETED) {
                    throw new VersionExistsException(request.serverId(), request.version());
                  }
                  return v.entry();
                })
            .orElse(
                existing != null && existing.version().equals(request.version()) ? existing : null);
    if (published != null && !published.remotes().isEmpty()) {
      Remote remote = published.remotes().get(0);
      if (!remote.url().equals(request.url()) || !remote.type().equals(request.transport())) {
        throw new VersionExistsException(
            request.serverId(), request.version(), remote.type() + " " + remote.url());
      }
    }
  }

  /**
   * @param name a server name
   * @return every version, newest publication first; the entry alone when no version item exists
   */
  public List<ServerVersion> versions(String name) {
    List<ServerVersion> versions = new ArrayList<>(store.versions(name));
    if (versions.isEmpty()) {
      store
          .get(name)
          .ifPresent(
              e ->
                  versions.add(
                      new ServerVersion(snapshot(e, e.publishedAt(), e.updatedAt()), null, null)));
    }
    versions.sort(
        Comparator.comparing(
                (ServerVersion v) -> v.entry().publishedAt(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ServerVersion::version));
    return versions;
  }

  /**
   * @param name a server name
   * @param version a version, or {@code latest}
   * @return that version, or empty
   */
  public Optional<ServerVersion> find(String name, String version) {
    ServerEntry entry = store.get(name).orElse(null);
    if ("latest".equals(version)) {
      if (entry == null) {
        return Optional.empty();
      }
      version = entry.version();
    }
    Optional<ServerVersion> stored = store.getVersion(name, version);
    if (stored.isPresent() || entry == null || !entry.version().equals(version)) {
      return stored;
    }
    return Optional.of(
        new ServerVersion(snapshot(entry, entry.publishedAt(), entry.updatedAt()), null, null));
  }

  /**
   * @param name a server name
   * @return the catalog entry (latest version with health), or empty
   */
  public Optional<ServerEntry> latest(String name) {
    return store.get(name);
  }

  /**
   * Changes the status of one version; when it is the latest, the catalog entry follows.
   *
   * @param name the server
   * @param version a version or {@code latest}
   * @param status the new status
   * @param message why, nullable
   * @return the version as stored
   * @throws VersionNotFoundException when there is no such version
   */
  public ServerVersion changeStatus(
      String name, String version, LifecycleStatus status, String message) {
    ServerVersion current =
        find(name, version).orElseThrow(() -> new VersionNotFoundException(name, version));
    ServerVersion changed = current.withStatus(status, message, now());
    store.saveVersion(changed, false);
    writeEntry(
        name,
        existing ->
            existing != null && existing.version().equals(changed.version())
                ? existing.withStatus(status)
                : null);
    return changed;
  }

  /**
   * Changes the status of every version of a server.
   *
   * @return the versions as stored
   * @throws VersionNotFoundException when the server has no version
   */
  public List<ServerVersion> changeAllStatus(String name, LifecycleStatus status, String message) {
    List<ServerVersion> all = versions(name);
    if (all.isEmpty()) {
      throw new VersionNotFoundException(name, null);
    }
    Instant now = now();
    List<ServerVersion> out = new ArrayList<>();
    for (ServerVersion v : all) {
      ServerVersion changed = v.withStatus(status, message, now);
      store.saveVersion(changed, false);
      out.add(changed);
    }
    writeEntry(name, existing -> existing == null ? null : existing.withStatus(status));
    return out;
  }

  /** Read-modify-write of the entry; a null from {@code change} leaves it alone. */
  private void writeEntry(String name, java.util.function.UnaryOperator<ServerEntry> change) {
    ConflictException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ServerEntry existing = store.get(name).orElse(null);
      ServerEntry next = change.apply(existing);
      if (next == null) {
        return;
      }
      try {
        service.indexIfNewer(
            store.saveRegistration(
                service.withVectors(next, existing),
                existing == null ? 0 : existing.revision(),
                now()));
        return;
      } catch (ConflictException e) {
        last = e;
      }
    }
    throw last;
  }

  private static ServerEntry snapshot(ServerEntry e, Instant published, Instant updated) {
    return e.toBuilder()
        .health(Health.UNKNOWN)
        .discoveredCapabilities(List.of())
        .vectors(null)
        .publishedAt(published)
        .updatedAt(updated)
        .revision(0)
        .build();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
