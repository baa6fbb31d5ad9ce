package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One server in the catalog: a superset of the official {@code server.json} plus what the registry owns
 * (tags, declared and discovered capabilities, health, lifecycle status, timestamps).
 *
 * <p>The seed's arguments map onto it: {@code server_id} is {@link #name}, {@code name} is {@link #title},
 * {@code url} is the first remote's URL.
 *
 * @param name unique id, seed-style ({@code weather-api}) or namespaced ({@code com.example/weather})
 * @param title human-readable name
 * @param description what the server offers, nullable
 * @param version server version
 * @param remotes where the server is reached, never empty once validated
 * @param repository source repository, nullable
 * @param websiteUrl home page, nullable
 * @param tags categorization tags
 * @param capabilities capabilities declared at registration
 * @param discoveredCapabilities capabilities a health probe found the server really offers
 * @param health what health checks found
 * @param status lifecycle status
 * @param publishedAt first registration time
 * @param updatedAt last registration (not health) change
 * @param revision registration revision, starts at 1 and grows by one per registration change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerEntry(
    @JsonProperty("name") String name,
    @JsonProperty("title") String title,
    @JsonProperty("description") String description,
    @JsonProperty("version") String version,
    @JsonProperty("remotes") List<Remote> remotes,
    @JsonProperty("repository") Repository repository,
    @JsonProperty("websiteUrl") String websiteUrl,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("capabilities") List<Capability> capabilities,
    @JsonProperty("discoveredCapabilities") List<Capability> discoveredCapabilities,
    @JsonProperty("health") Health health,
    @JsonProperty("status") LifecycleStatus status,
    @JsonProperty("publishedAt") Instant publishedAt,
    @JsonProperty("updatedAt") Instant updatedAt,
    @JsonProperty("revision") long revision) {

  public ServerEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(version, "version");
    remotes = remotes == null ? List.of() : List.copyOf(remotes);
    tags = tags == null ? List.of() : List.copyOf(tags);
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    discoveredCapabilities = discoveredCapabilities == null ? List.of() : List.copyOf(discoveredCapabilities);
    health = health == null ? Health.UNKNOWN : health;
    status = status == null ? LifecycleStatus.ACTIVE : status;
  }

  /** @return the URL of the first remote, or null when there is none */
  public String url() {
    return remotes.isEmpty() ? null : remotes.get(0).url();
  }

  /** @return this entry with other health, registration fields untouched */
  public ServerEntry withHealth(Health newHealth) {
    return new ServerEntry(name, title, description, version, remotes, repository, websiteUrl, tags,
        capabilities, discoveredCapabilities, newHealth, status, publishedAt, updatedAt, revision);
  }

  /** @return this entry with other discovered capabilities */
  public ServerEntry withDiscoveredCapabilities(List<Capability> discovered) {
    return new ServerEntry(name, title, description, version, remotes, repository, websiteUrl, tags,
        capabilities, discovered, health, status, publishedAt, updatedAt, revision);
  }

  /** @return this entry with another lifecycle status */
  public ServerEntry withStatus(LifecycleStatus newStatus) {
    return new ServerEntry(name, title, description, version, remotes, repository, websiteUrl, tags,
        capabilities, discoveredCapabilities, health, newStatus, publishedAt, updatedAt, revision);
  }

  /** @return this entry with the store-owned bookkeeping set */
  public ServerEntry withBookkeeping(Instant published, Instant updated, long newRevision) {
    return new ServerEntry(name, title, description, version, remotes, repository, websiteUrl, tags,
        capabilities, discoveredCapabilities, health, status, published, updated, newRevision);
  }

  /**
   * Whether this copy carries news compared with another copy of the same entry: a later registration
   * revision, or the same revision with a later health check. An identical or older copy is no news, so
   * re-reading the same change (an overlapping index refresh) costs nothing.
   *
   * @param other another copy, nullable
   * @return true when this copy should replace {@code other}
   */
  public boolean supersedes(ServerEntry other) {
    if (other == null || revision > other.revision) {
      return true;
    }
    if (revision < other.revision) {
      return false;
    }
    Instant mine = health.checkedAt();
    Instant theirs = other.health.checkedAt();
    if (mine == null) {
      return false;
    }
    return theirs == null || mine.isAfter(theirs);
  }
}
