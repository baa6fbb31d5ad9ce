package io.mcpplatform.registry.audit;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every write to the registry, and every refused attempt at one, in the store's audit log, and
 * reads it back for admins. A record that cannot be stored is logged instead: the write it describes has
 * happened already.
 */
public final class AuditTrail {

  /** How long records are kept. */
  public static final Duration RETENTION = Duration.ofDays(90);
  /** Actor of a write made without a valid token. */
  public static final String ANONYMOUS = "anonymous";
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final RegistryStore store;
  private final Clock clock;

  /**
   * @param store where records are kept
   * @param clock time source
   */
  public AuditTrail(RegistryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param actor token subject, or null for {@link #ANONYMOUS}
   * @param action register, publish, status, ...
   * @param target server name, nullable
   * @param version version, nullable
   * @param source caller address, nullable
   * @param outcome ok, unauthorized, forbidden, rejected, failed
   * @param detail short description, nullable (cut to 500 characters)
   */
  public void record(String actor, String action, String target, String version, String source, String outcome,
      String detail) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AuditRecord record = new AuditRecord(UUID.randomUUID().toString(), now, actor == null ? ANONYMOUS : actor,
        action, target, version, source, outcome,
        detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500));
    try {
      store.appendAudit(record, now.plus(RETENTION));
    } catch (StoreUnavailableException | IllegalArgumentException e) {
      LOG.error("Audit record could not be stored: {} {} {} {} by {} from {}: {}", action, target, version, outcome,
          record.actor(), source, e.getMessage());
    }
  }

  /**
   * @param since inclusive lower bound
   * @param limit 1 to 1000
   * @return records newest first
   */
  public List<AuditRecord> since(Instant since, int limit) {
    return store.audit(since, limit);
  }
}
