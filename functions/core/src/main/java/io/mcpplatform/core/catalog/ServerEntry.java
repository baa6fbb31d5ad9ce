package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.embedding.EntryVectors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One server in the catalog: a superset of the official {@code server.json} plus what the registry
 * owns (tags, declared and discovered capabilities, health, lifecycle status, timestamps).
 *
 * <p>The seed's arguments map onto it: {@code server_id} is {@link #name}, {@code name} is {@link
 * #title}, {@code url} is the first remote's URL.
 *
 * @param name unique id, seed-style ({@code weather-api}) or namespaced ({@code
 *     com.example/weather})
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
 * @param vectors embeddings of the entry's texts for search, nullable (written before embeddings
 *     existed, or without a model); never part of the wire form: the stores persist them explicitly
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
    @JsonProperty("revision") long revision,
    @JsonIgnore EntryVectors vectors) {

  public ServerEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(version, "version");
    remotes = remotes == null ? List.of() : List.copyOf(remotes);
    tags = tags == null ? List.of() : List.copyOf(tags);
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    discoveredCapabilities =
        discoveredCapabilities == null ? List.of() : List.copyOf(discoveredCapabilities);
    health = health == null ? Health.UNKNOWN : health;
    status = status == null ? LifecycleStatus.ACTIVE : status;
  }

  /**
   * @return the URL of the first remote, or null when there is none
   */
  public String url() {
    return remotes.isEmpty() ? null : remotes.get(0).url();
  }

  /**
   * @return this entry with other health, registration fields untouched
   */
  public ServerEntry withHealth(Health newHealth) {
    return toBuilder().health(newHealth).build();
  }

  /**
   * @return this entry with other discovered capabilities
   */
  public ServerEntry withDiscoveredCapabilities(List<Capability> discovered) {
    return toBuilder().discoveredCapabilities(discovered).build();
  }

  /**
   * @return this entry with its declared and discovered capabilities stripped of input schemas, for
   *     answers that list many servers (a search hit, a page of a listing)
   */
  public ServerEntry withoutInputSchemas() {
    return toBuilder()
        .capabilities(Capability.withoutInputSchemas(capabilities))
        .discoveredCapabilities(Capability.withoutInputSchemas(discoveredCapabilities))
        .build();
  }

  /**
   * @return this entry with another lifecycle status
   */
  public ServerEntry withStatus(LifecycleStatus newStatus) {
    return toBuilder().status(newStatus).build();
  }

  /**
   * @return this entry with other vectors
   */
  public ServerEntry withVectors(EntryVectors newVectors) {
    return toBuilder().vectors(newVectors).build();
  }

  /**
   * @return this entry with the store-owned bookkeeping set
   */
  public ServerEntry withBookkeeping(Instant published, Instant updated, long newRevision) {
    return toBuilder().publishedAt(published).updatedAt(updated).revision(newRevision).build();
  }

  /**
   * Starts an entry from its three required fields; every other field starts empty (or at its
   * default).
   *
   * @param name unique id
   * @param title human-readable name
   * @param version server version
   * @return a builder
   */
  public static Builder builder(String name, String title, String version) {
    return new Builder().name(name).title(title).version(version);
  }

  /**
   * @return a builder holding every field of this entry
   */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .title(title)
        .description(description)
        .version(version)
        .remotes(remotes)
        .repository(repository)
        .websiteUrl(websiteUrl)
        .tags(tags)
        .capabilities(capabilities)
        .discoveredCapabilities(discoveredCapabilities)
        .health(health)
        .status(status)
        .publishedAt(publishedAt)
        .updatedAt(updatedAt)
        .revision(revision)
        .vectors(vectors);
  }

  /** Builds an entry field by field; {@link #build()} applies the record's checks and defaults. */
  public static final class Builder {
    private String name;
    private String title;
    private String description;
    private String version;
    private List<Remote> remotes;
    private Repository repository;
    private String websiteUrl;
    private List<String> tags;
    private List<Capability> capabilities;
    private List<Capability> discoveredCapabilities;
    private Health health;
    private LifecycleStatus status;
    private Instant publishedAt;
    private Instant updatedAt;
    private long revision;
    private EntryVectors vectors;

    private Builder() {}

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder title(String value) {
      title = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder version(String value) {
      version = value;
      return this;
    }

    public Builder remotes(List<Remote> value) {
      remotes = value;
      return this;
    }

    public Builder repository(Repository value) {
      repository = value;
      return this;
    }

    public Builder websiteUrl(String value) {
      websiteUrl = value;
      return this;
    }

    public Builder tags(List<String> value) {
      tags = value;
      return this;
    }

    public Builder capabilities(List<Capability> value) {
      capabilities = value;
      return this;
    }

    public Builder discoveredCapabilities(List<Capability> value) {
      discoveredCapabilities = value;
      return this;
    }

    public Builder health(Health value) {
      health = value;
      return this;
    }

    public Builder status(LifecycleStatus value) {
      status = value;
      return this;
    }

    public Builder publishedAt(Instant value) {
      publishedAt = value;
      return this;
    }

    public Builder updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    public Builder revision(long value) {
      revision = value;
      return this;
    }

    public Builder vectors(EntryVectors value) {
      vectors = value;
      return this;
    }

    /**
     * @return the entry
     * @throws NullPointerException when name, title or version is missing
     */
    public ServerEntry build() {
      return new ServerEntry(
          name,
          title,
          description,
          version,
          remotes,
          repository,
          websiteUrl,
          tags,
          capabilities,
          discoveredCapabilities,
          health,
          status,
          publishedAt,
          updatedAt,
          revision,
          vectors);
    }
  }

  /**
   * Whether this copy carries news compared with another copy of the same entry: a later
   * registration revision, or the same revision with a later health check or with other vectors. An
   * identical or older copy is no news, so re-reading the same change (an overlapping index
   * refresh) costs nothing.
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
    if (mine != null && (theirs == null || mine.isAfter(theirs))) {
      return true;
    }
    // same revision and health: news only when new vectors were stored (a re-embedding)
    return Objects.equals(mine, theirs) && vectors != null && !vectors.equals(other.vectors);
  }
}
