package io.mcpplatform.transport;

import jakarta.servlet.AsyncContext;
import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open legacy SSE sessions of one endpoint, within {@link LegacySse.Limits}: at most so many at
 * once, each closed after its idle time-out, with keep-alive comments on quiet streams. One timer
 * thread per endpoint does the sweeping; no thread is held per session.
 */
final class LegacySseSessions {

  private static final Logger LOG = LoggerFactory.getLogger(LegacySseSessions.class);

  private final LegacySse.Limits limits;
  private final String mcpPath;
  private final ConcurrentHashMap<String, LegacySseSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger reserved = new AtomicInteger();
  private ScheduledExecutorService timer;

  LegacySseSessions(LegacySse.Limits limits, String mcpPath) {
    this.limits = limits;
    this.mcpPath = mcpPath;
  }

  LegacySse.Limits limits() {
    return limits;
  }

  /**
   * @return the Streamable HTTP path of the same server, for error messages
   */
  String mcpPath() {
    return mcpPath;
  }

  synchronized void start() {
    if (timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "legacy-sse" + mcpPath.replace('/', '-'));
              t.setDaemon(true);
              return t;
            });
    long period =
        Math.max(50, Math.min(limits.keepAlive().toMillis(), limits.idleTimeout().toMillis()) / 4);
    timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    sessions.values().forEach(LegacySseSession::close);
  }

  /**
   * @return true when a further session fits; pair with {@link #open} or {@link #release}
   */
  boolean reserve() {
    if (reserved.incrementAndGet() > limits.maxSessions()) {
      reserved.decrementAndGet();
      return false;
    }
    return true;
  }

  void release() {
    reserved.decrementAndGet();
  }

  /**
   * Registers a reserved session over an async response.
   *
   * @return the session
   */
  LegacySseSession open(AsyncContext async, OutputStream out) {
    String id = UUID.randomUUID().toString();
    LegacySseSession[] holder = new LegacySseSession[1];
    LegacySseSession session =
        new LegacySseSession(
            id,
            async,
            out,
            limits.maxQueuedBytes(),
            () -> {
              if (sessions.remove(id, holder[0])) {
                reserved.decrementAndGet();
              }
            });
    holder[0] = session;
    sessions.put(id, session);
    return session;
  }

  /**
   * @return the open session with this id, or null
   */
  LegacySseSession get(String id) {
    return id == null ? null : sessions.get(id);
  }

  /**
   * @return sessions open now
   */
  int size() {
    return sessions.size();
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      long idle = limits.idleTimeout().toNanos();
      long quiet = limits.keepAlive().toNanos();
      for (LegacySseSession session : sessions.values()) {
        if (session.idleNanos(now) > idle) {
          LOG.info(
              "SSE session {} idle past {} s: closed",
              session.id(),
              limits.idleTimeout().toSeconds());
          session.close();
        } else if (session.quietNanos(now) > quiet) {
          session.keepAlive();
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Sweeping SSE sessions failed", e);
    }
  }
}
