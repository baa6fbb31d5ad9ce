package io.mcpplatform.core.registry;

import io.mcpplatform.core.access.Access;
import io.mcpplatform.core.access.AuditTrail;
import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.Permission;
import io.mcpplatform.core.access.PermissionDeniedException;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.HealthReport;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.progress.ProgressListener;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The registry's writes and guarded reads, for every edge alike: who may do what, and what is
 * audited. The MCP tools and the REST endpoints parse a request, build an {@link Access} from its
 * bearer token and address, call one method here, and format the answer. Each write authenticates
 * (a refusal is audited), checks the caller's permission on the name (audited), applies the naming
 * and version rules, and audits the outcome.
 *
 * <p>Rules shared by the edges: names in the reserved {@code default} namespace and names with
 * {@code .} or {@code ..} segments are refused ({@link ServerNames}); a published version's remote
 * is immutable (re-registering a version may change its description, tags and capabilities, never
 * its URL or transport; a new URL needs a new version); the audit log is for admin tokens; {@code
 * check_health} records its probe only for the owner of the name or an admin, and tells anonymous
 * callers nothing about the addresses a host resolves to.
 */
public final class RegistryOperations {

  private static final Pattern IP_LITERAL =
      Pattern.compile(
          "\\b\\d{1,3}(\\.\\d{1,3}){3}\\b|\\[?\\b[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}\\b\\]?");
  private static final String REFUSED_FOR_OTHERS =
      "the server's address is one the registry does not connect" + " to";

  private final RegistryService service;
  private final ServerVersions versions;
  private final UrlPolicy urlPolicy;
  private final AuditTrail audit;
  private final HealthCheckService health;
  private final Consumer<String> probeAdmission;

  /**
   * @param service the catalog
   * @param urlPolicy which remote URLs registrations and publishes may use
   * @param audit where writes and refusals are recorded, or null to record nothing (tests of the
   *     edges)
   * @param health what {@code check_health} runs, or null when this deployment has no probe
   * @param probeAdmission takes one probe from a caller's probe limit (key: {@code sub:<subject>}
   *     or {@code addr:<address>}), throwing when the caller has none left
   */
  public RegistryOperations(
      RegistryService service,
      UrlPolicy urlPolicy,
      AuditTrail audit,
      HealthCheckService health,
      Consumer<String> probeAdmission) {
    this.service = Objects.requireNonNull(service, "service");
    this.versions = service.versions();
    this.urlPolicy = Objects.requireNonNull(urlPolicy, "urlPolicy");
    this.audit = audit;
    this.health = health;
    this.probeAdmission = probeAdmission == null ? key -> {} : probeAdmission;
  }

  /**
   * @return the catalog, for reads that need no caller
   */
  public RegistryService service() {
    return service;
  }

  /**
   * @return whether {@code check_health} can run here
   */
  public boolean canCheckHealth() {
    return health != null;
  }

  /**
   * Registers a server or updates its registration ({@code register_server}).
   *
   * @param access who calls
   * @param args the tool's arguments
   * @return the stored entry and whether it was new
   * @throws RuntimeException the access's refusal when anonymous
   * @throws PermissionDeniedException when the token does not cover the server id
   * @throws ValidationException naming every bad argument
   * @throws VersionExistsException when the version is deleted, or published with another remote
   */
  public RegistrationOutcome register(Access access, Map<String, Object> args) {
    String id = args.get("server_id") instanceof String s ? s : null;
    String version = args.get("version") instanceof String s ? s : null;
    Caller caller = authenticate(access, "register", id, version);
    if (id != null) {
      authorize(access, caller, Permission.PUBLISH, id, "register", version);
    }
    RegistrationOutcome outcome =
        audited(
            access,
            caller,
            "register",
            id,
            version,
            () -> service.register(RegistrationRequest.fromArguments(args, urlPolicy)));
    record(
        access,
        caller,
        "register",
        outcome.entry().name(),
        outcome.entry().version(),
        "ok",
        outcome.created() ? "registered" : "updated");
    return outcome;
  }

  /**
   * Publishes a new version ({@code POST /publish}): a server.json whose name is spelled as on the
   * REST face.
   *
   * @param access who calls
   * @param body the parsed server.json, read only once the caller is known
   * @return the stored version and whether it is now the latest
   * @throws ValidationException naming every bad field
   * @throws VersionExistsException when the version was published before
   */
  public ServerVersions.PublishOutcome publish(Access access, Supplier<Map<String, Object>> body) {
    Caller caller = authenticate(access, "publish", null, null);
    Map<String, Object> fields = body.get();
    String restName = fields.get("name") instanceof String s ? s : null;
    String version = fields.get("version") instanceof String s ? s : null;
    ServerEntry entry =
        audited(
            access,
            caller,
            "publish",
            restName,
            version,
            () -> PublishRequest.toEntry(fields, urlPolicy));
    String name = ServerNames.toCatalog(entry.name());
    if (!name.equals(entry.name()) && !RegistrationRequest.SEED_ID.matcher(name).matches()) {
      throw ValidationException.of(
          "name",
          "names in the '"
              + ServerNames.DEFAULT_NAMESPACE
              + "' namespace must be 1 to 64 letters, digits, '-' or '_' after the '/'");
    }
    authorize(access, caller, Permission.PUBLISH, name, "publish", version);
    ServerEntry named =
        ServerEntry.builder(name, entry.title(), entry.version())
            .description(entry.description())
            .remotes(entry.remotes())
            .repository(entry.repository())
            .websiteUrl(entry.websiteUrl())
            .tags(entry.tags())
            .capabilities(entry.capabilities())
            .build();
    ServerVersions.PublishOutcome outcome =
        audited(access, caller, "publish", name, version, () -> versions.publish(named));
    record(
        access, caller, "publish", name, version, "ok", outcome.latest() ? "latest" : "not latest");
    return outcome;
  }

  /**
   * A status change as the caller asked for it.
   *
   * @param status the new status
   * @param message why, nullable
   */
  public record StatusChange(LifecycleStatus status, String message) {
    public StatusChange {
      Objects.requireNonNull(status, "status");
    }

    String describe() {
      return status.wire() + (message == null ? "" : ": " + message);
    }
  }

  /**
   * Changes the status of one version.
   *
   * @param access who calls
   * @param name the catalog name
   * @param version a version or {@code latest}
   * @param change the change, read only once the caller is known
   * @return the version as stored
   * @throws VersionNotFoundException when there is no such version
   */
  public ServerVersion changeStatus(
      Access access, String name, String version, Supplier<StatusChange> change) {
    Caller caller = authenticate(access, "status", name, version);
    StatusChange wanted = change.get();
    authorize(access, caller, Permission.EDIT, name, "status", version);
    ServerVersion changed =
        audited(
            access,
            caller,
            "status",
            name,
            version,
            () -> versions.changeStatus(name, version, wanted.status(), wanted.message()));
    record(access, caller, "status", name, changed.version(), "ok", wanted.describe());
    return changed;
  }

  /**
   * Changes the status of every version of a server.
   *
   * @return the versions as stored
   * @throws VersionNotFoundException when the server has no version
   */
  public List<ServerVersion> changeAllStatus(
      Access access, String name, Supplier<StatusChange> change) {
    Caller caller = authenticate(access, "status", name, null);
    StatusChange wanted = change.get();
    authorize(access, caller, Permission.EDIT, name, "status", null);
    List<ServerVersion> changed =
        audited(
            access,
            caller,
            "status",
            name,
            "*",
            () -> versions.changeAllStatus(name, wanted.status(), wanted.message()));
    record(
        access,
        caller,
        "status",
        name,
        "*",
        "ok",
        wanted.status().wire()
            + " ("
            + changed.size()
            + " versions)"
            + (wanted.message() == null ? "" : ": " + wanted.message()));
    return changed;
  }

  /**
   * Reads the audit log; admin tokens only.
   *
   * @param since inclusive lower bound
   * @param limit most records
   * @return records newest first, bounded by count and bytes
   * @throws PermissionDeniedException when the caller is not an admin
   */
  public AuditTrail.Page auditLog(Access access, Instant since, int limit) {
    Caller caller = access.caller();
    if (!caller.isAdmin()) {
      throw new PermissionDeniedException("The audit log is for admin tokens (resource '*') only");
    }
    return audit == null ? new AuditTrail.Page(List.of(), false) : audit.since(since, limit);
  }

  /**
   * Probes a server now ({@code check_health}). Each call takes one probe from the caller's probe
   * limit. The owner of the name (a token that may publish it) or an admin gets a probe whose
   * result is recorded; anyone else gets a probe that records nothing and a detail without
   * addresses.
   *
   * @param access who calls; anonymous is fine
   * @param name the server id
   * @return the report
   * @throws io.mcpplatform.core.store.EntryNotFoundException when there is no such server
   * @throws IllegalStateException when this deployment has no probe
   */
  public HealthReport checkHealth(Access access, String name) {
    return checkHealth(access, name, ProgressListener.NONE);
  }

  /**
   * {@link #checkHealth(Access, String)}, telling a listener of each of the probe's steps and the
   * verdict.
   *
   * @param access who calls; anonymous is fine
   * @param name the server id
   * @param progress hears the probe's steps
   * @return the report
   * @throws io.mcpplatform.core.store.EntryNotFoundException when there is no such server
   * @throws IllegalStateException when this deployment has no probe
   */
  public HealthReport checkHealth(Access access, String name, ProgressListener progress) {
    if (health == null) {
      throw new IllegalStateException("check_health is not offered here");
    }
    Caller caller = access.callerOrNull();
    probeAdmission.accept(caller != null ? "sub:" + caller.subject() : "addr:" + access.source());
    if (caller != null
        && caller.permissions().stream().anyMatch(p -> p.covers(Permission.PUBLISH, name))) {
      return health.check(name, progress);
    }
    HealthReport report = health.probeWithoutRecording(name, progress);
    String detail = report.detail();
    if (detail != null) {
      detail =
          report.outcome() == ProbeOutcome.REFUSED
              ? REFUSED_FOR_OTHERS
              : IP_LITERAL.matcher(detail).replaceAll("(address hidden)");
    }
    return new HealthReport(
        report.serverId(), report.outcome(), report.health(), report.discovered(), detail, false);
  }

  private Caller authenticate(Access access, String action, String name, String version) {
    if (access.callerOrNull() == null) {
      record(access, null, action, name, version, "unauthorized", access.refusal().getMessage());
    }
    return access.caller();
  }

  private void authorize(
      Access access, Caller caller, String permission, String name, String action, String version) {
    try {
      caller.require(permission, name);
    } catch (PermissionDeniedException e) {
      record(access, caller, action, name, version, "forbidden", e.getMessage());
      throw e;
    }
  }

  private <T> T audited(
      Access access, Caller caller, String action, String name, String version, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      record(access, caller, action, name, version, "rejected", e.getMessage());
      throw e;
    }
  }

  private void record(
      Access access,
      Caller caller,
      String action,
      String name,
      String version,
      String outcome,
      String detail) {
    if (audit != null && !access.isTrusted()) {
      audit.record(
          caller == null ? null : caller.subject(),
          action,
          name,
          version,
          access.source(),
          outcome,
          detail);
    }
  }
}
