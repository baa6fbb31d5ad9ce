package io.mcpplatform.core.access;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every write to the registry, and refused attempts at one, in the store's audit log, and
 * reads it back for admins. A record that cannot be stored is logged instead: the write it
 * describes has happened already.
 *
 * <p>What the log can grow by is bounded, since refusals need no token: every field is cut ({@value
 * #MAX_TARGET} characters of target, {@value #MAX_VERSION} of version, {@value #MAX_SOURCE} of
 * source, {@value #MAX_DETAIL} of detail, so a record stays under about 1 KB), and anonymous
 * refusals are stored one by one only up to {@value #ANONYMOUS_PER_WINDOW} a minute per process;
 * the rest of a minute's are counted and stored as one summary record. Reads are bounded by count
 * and by {@value #MAX_READ_BYTES} bytes of records, whatever older records the store holds.
 */
public final class AuditTrail {

  /** How long records are kept. */
  public static final Duration RETENTION = Duration.ofDays(90);

  /** Actor of a write made without a valid token. */
  public static final String ANONYMOUS = "anonymous";

  /** Anonymous refusals stored one by one per window and process. */
  public static final int ANONYMOUS_PER_WINDOW = 10;

  /** The window anonymous refusals are counted in. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** Most bytes of records (as JSON text, about) one read returns. */
  public static final int MAX_READ_BYTES = 1_000_000;

  static final int MAX_ACTOR = 200;
  static final int MAX_TARGET = 200;
  static final int MAX_VERSION = 64;
  static final int MAX_SOURCE = 64;
  static final int MAX_DETAIL = 500;
  private static final int MAX_WORD = 32;
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final RegistryStore store;
  private final Clock clock;
  private final Object windowLock = new Object();
  private Instant windowStart = Instant.EPOCH;
  private int windowStored;
  private int windowSuppressed;

  /**
   * A page of audit records.
   *
   * @param records newest first
   * @param truncated whether the byte bound stopped the page before the count did
   */
  public record Page(List<AuditRecord> records, boolean truncated) {}

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
   * @param detail short description, nullable
   */
  public void record(
      String actor,
      String action,
      String target,
      String version,
      String source,
      String outcome,
      String detail) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (actor == null && !admitAnonymous(now)) {
      return;
    }
    store(
        cut(
            new AuditRecord(
                UUID.randomUUID().toString(),
                now,
                actor == null ? ANONYMOUS : actor,
                action,
                target,
                version,
                source,
                outcome,
                detail)));
  }

  /**
   * @param since inclusive lower bound
   * @param limit 1 to 1000
   * @return records newest first, each cut to the record bounds, at most {@link #MAX_READ_BYTES} of
   *     them
   */
  public Page since(Instant since, int limit) {
    flushWindow(clock.instant().truncatedTo(ChronoUnit.MILLIS), false);
    List<AuditRecord> out = new ArrayList<>();
    long bytes = 0;
    for (AuditRecord stored : store.audit(since, limit)) {
      AuditRecord record = cut(stored);
      bytes += size(record);
      if (bytes > MAX_READ_BYTES) {
        return new Page(out, true);
      }
      out.add(record);
    }
    return new Page(out, false);
  }

  /**
   * @return whether this anonymous refusal is stored one by one (else it is counted)
   */
  private boolean admitAnonymous(Instant now) {
    flushWindow(now, true);
    synchronized (windowLock) {
      if (windowStored < ANONYMOUS_PER_WINDOW) {
        windowStored++;
        return true;
      }
      windowSuppressed++;
      return false;
    }
  }

  /**
   * Ends the window once it is over, storing the count of the refusals it did not store one by one.
   */
  private void flushWindow(Instant now, boolean startNew) {
    int suppressed;
    Instant start;
    synchronized (windowLock) {
      if (now.isBefore(windowStart.plus(WINDOW))) {
        return;
      }
      suppressed = windowSuppressed;
      start = windowStart;
      if (startNew || suppressed > 0) {
        windowStart = now;
        windowStored = 0;
        windowSuppressed = 0;
      }
    }
    if (suppressed > 0) {
      store(
          new AuditRecord(
              UUID.randomUUID().toString(),
              now,
              ANONYMOUS,
              "refusals",
              null,
              null,
              null,
              "unauthorized",
              suppressed
                  + " more anonymous refusals in the minute from "
                  + start
                  + " (only the first "
                  + ANONYMOUS_PER_WINDOW
                  + " a minute are recorded one by one)"));
    }
  }

  private void store(AuditRecord record) {
    try {
      store.appendAudit(record, record.at().plus(RETENTION));
    } catch (StoreUnavailableException | IllegalArgumentException e) {
      LOG.error(
          "Audit record could not be stored: {} {} {} {} by {} from {}: {}",
          record.action(),
          record.target(),
          record.version(),
          record.outcome(),
          record.actor(),
          record.source(),
          e.getMessage());
    }
  }

  /**
   * @return the record with every field within its bound
   */
  static AuditRecord cut(AuditRecord r) {
    return new AuditRecord(
        cut(r.id(), 64),
        r.at(),
        cut(r.actor(), MAX_ACTOR),
        cut(r.action(), MAX_WORD),
        cut(r.target(), MAX_TARGET),
        cut(r.version(), MAX_VERSION),
        cut(r.source(), MAX_SOURCE),
        cut(r.outcome(), MAX_WORD),
        cut(r.detail(), MAX_DETAIL));
  }

  private static String cut(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end) + "…";
  }

  private static long size(AuditRecord r) {
    long n = 120;
    for (String s :
        new String[] {
          r.id(),
          r.actor(),
          r.action(),
          r.target(),
          r.version(),
          r.source(),
          r.outcome(),
          r.detail()
        }) {
      n += s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length * 2L;
    }
    return n;
  }
}
