package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One write to the registry, or one refused attempt at a write: who, what, when, from where.
 *
 * @param id unique id of the record
 * @param at when it happened
 * @param actor the token subject, or {@code anonymous} when no valid token was given
 * @param action what was attempted: {@code register}, {@code publish}, {@code status}, ...
 * @param target the server name, nullable
 * @param version the server version, nullable
 * @param source the caller's address, nullable
 * @param outcome {@code ok}, {@code unauthorized}, {@code forbidden}, {@code rejected} or {@code
 *     failed}
 * @param detail a short description (new status, error message), nullable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(
    @JsonProperty("id") String id,
    @JsonProperty("at") Instant at,
    @JsonProperty("actor") String actor,
    @JsonProperty("action") String action,
    @JsonProperty("target") String target,
    @JsonProperty("version") String version,
    @JsonProperty("source") String source,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("detail") String detail) {

  public AuditRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
  }
}
