package io.mcpplatform.transport;

import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open legacy SSE stream. Events are written by the thread that produced them (the POST's), one
 * at a time; the bytes waiting for their turn are bounded, so a client that stops reading cannot
 * make the server hold its messages without limit. A failed write ends the session.
 */
final class LegacySseSession implements MessageSink {

  private static final Logger LOG = LoggerFactory.getLogger(LegacySseSession.class);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final String id;
  private final AsyncContext async;
  private final OutputStream out;
  private final long maxQueuedBytes;
  private final Runnable onClose;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object writeLock = new Object();
  private volatile long lastClientNanos = System.nanoTime();
  private volatile long lastWriteNanos = System.nanoTime();
  private long nextEventId = 1;

  LegacySseSession(
      String id, AsyncContext async, OutputStream out, long maxQueuedBytes, Runnable onClose) {
    this.id = id;
    this.async = async;
    this.out = out;
    this.maxQueuedBytes = maxQueuedBytes;
    this.onClose = onClose;
  }

  String id() {
    return id;
  }

  boolean isOpen() {
    return !closed.get();
  }

  /** Marks client activity (a POST): the idle clock starts again. */
  void touch() {
    lastClientNanos = System.nanoTime();
  }

  long idleNanos(long now) {
    return now - lastClientNanos;
  }

  long quietNanos(long now) {
    return now - lastWriteNanos;
  }

  /**
   * Writes the {@code endpoint} event that opens the stream.
   *
   * @param messageUrl the session's message URL
   * @return false when the client is already gone
   */
  boolean sendEndpoint(String messageUrl) {
    return write(
        ("event: endpoint\ndata: " + messageUrl + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void send(byte[] json) {
    offer(json);
  }

  /**
   * Writes one JSON-RPC message as a {@code message} event with the next id.
   *
   * @param json the message
   * @return false when the queue bound refused it or the stream is closed
   */
  boolean offer(byte[] json) {
    if (closed.get()) {
      return false;
    }
    long size = json.length + 64L;
    if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
      queuedBytes.addAndGet(-size);
      LOG.warn("SSE session {}: the client is not reading its stream; a message was refused", id);
      return false;
    }
    try {
      synchronized (writeLock) {
        return write(EventStream.frame(nextEventId++, json));
      }
    } finally {
      queuedBytes.addAndGet(-size);
    }
  }

  /** Writes a comment line so that a connection the client closed is noticed. */
  void keepAlive() {
    synchronized (writeLock) {
      write(KEEP_ALIVE);
    }
  }

  private boolean write(byte[] bytes) {
    if (closed.get()) {
      return false;
    }
    try {
      synchronized (writeLock) {
        out.write(bytes);
        out.flush();
      }
      lastWriteNanos = System.nanoTime();
      return true;
    } catch (IOException | IllegalStateException e) {
      LOG.debug("SSE session {}: the stream is gone ({})", id, e.toString());
      close();
      return false;
    }
  }

  /** Ends the stream and the session; safe to call more than once, from any thread. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.run();
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // the container already ended the request (client gone, server stopping)
      }
    }
  }
}
