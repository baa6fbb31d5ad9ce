package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One published version of a server, kept apart from the catalog entry (which always shows the
 * latest version). Its registration fields never change once published; only its lifecycle status
 * does.
 *
 * @param entry the registration fields as published; {@code entry.status()} is this version's
 *     status, {@code publishedAt} when it was published and {@code updatedAt} its last status
 *     change
 * @param statusMessage why the status was last changed, nullable
 * @param statusChangedAt when the status was last changed, nullable (never changed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerVersion(
    @JsonProperty("entry") ServerEntry entry,
    @JsonProperty("statusMessage") String statusMessage,
    @JsonProperty("statusChangedAt") Instant statusChangedAt) {

  public ServerVersion {
    Objects.requireNonNull(entry, "entry");
  }

  /**
   * @return the server name
   */
  public String name() {
    return entry.name();
  }

  /**
   * @return the version string
   */
  public String version() {
    return entry.version();
  }

  /**
   * @return the lifecycle status of this version
   */
  public LifecycleStatus status() {
    return entry.status();
  }

  /**
   * @param status the new status
   * @param message why, nullable
   * @param now the change time
   * @return this version with another status, updated at {@code now}
   */
  public ServerVersion withStatus(LifecycleStatus status, String message, Instant now) {
    ServerEntry changed =
        entry.withStatus(status).withBookkeeping(entry.publishedAt(), now, entry.revision());
    return new ServerVersion(changed, message, now);
  }
}
