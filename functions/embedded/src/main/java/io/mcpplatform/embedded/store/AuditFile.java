package io.mcpplatform.embedded.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.catalog.AuditRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of a {@link FileRegistryStore}: {@code audit.jsonl}, one record per line with its
 * expiry time. Nothing of it is held in memory: appends go to the end of the file, and a read
 * streams the file keeping only the newest {@code limit} records. Lines longer than {@value
 * #MAX_LINE_BYTES} bytes (which the registry's bounded audit records never reach) are skipped
 * without being buffered, so opening and reading survive a file of any size. Expired and skipped
 * lines are dropped when the file is opened, if they make up most of it.
 */
final class AuditFile implements AutoCloseable {

  static final String FILE_NAME = "audit.jsonl";

  /** Longest line read; longer ones are skipped. */
  static final int MAX_LINE_BYTES = 16 * 1024;

  private static final String TEMP_NAME = FILE_NAME + ".tmp";
  private static final Logger LOG = LoggerFactory.getLogger(AuditFile.class);

  /** One line of the file. */
  record Line(
      @JsonProperty("record") AuditRecord record, @JsonProperty("expiresAt") Instant expiresAt) {
    Line {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private final Path file;
  private final JsonMapper mapper;
  private final boolean force;
  private FileChannel channel;

  private AuditFile(Path dir, JsonMapper mapper, boolean force) {
    this.file = dir.resolve(FILE_NAME);
    this.mapper = mapper;
    this.force = force;
  }

  static AuditFile open(Path dir, JsonMapper mapper, boolean force, Instant now)
      throws IOException {
    AuditFile audit = new AuditFile(dir, mapper, force);
    long[] counts = new long[2];
    long skipped =
        audit.scan(
            line -> {
              counts[0]++;
              if (line.expiresAt().isAfter(now)) {
                counts[1]++;
              }
            });
    if (skipped > 0) {
      LOG.warn("Skipped {} unreadable or over-long lines in {}", skipped, audit.file);
    }
    if (counts[0] + skipped > 2 * counts[1] + 100) {
      audit.compact(now);
      LOG.info(
          "Compacted the audit log in {}: {} of {} lines kept",
          dir,
          counts[1],
          counts[0] + skipped);
    }
    audit.channel =
        PrivateFiles.open(
            audit.file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    return audit;
  }

  void append(AuditRecord record, Instant expiresAt) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.wrap(
            (mapper.writeValueAsString(new Line(record, expiresAt)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    if (force) {
      channel.force(false);
    }
  }

  /**
   * @return the newest {@code limit} records at or after {@code since}, newest first; records of
   *     the same time in the reverse of their order in the file
   */
  List<AuditRecord> since(Instant since, int limit) {
    Comparator<Numbered> order =
        Comparator.comparing((Numbered n) -> n.record().at()).thenComparingLong(Numbered::line);
    PriorityQueue<Numbered> newest = new PriorityQueue<>(order);
    Instant now = Instant.now();
    long[] line = {0};
    try {
      scan(
          read -> {
            line[0]++;
            AuditRecord record = read.record();
            if (record.at().isBefore(since) || !read.expiresAt().isAfter(now)) {
              return;
            }
            newest.add(new Numbered(record, line[0]));
            if (newest.size() > limit) {
              newest.poll();
            }
          });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<Numbered> out = new ArrayList<>(newest);
    out.sort(order.reversed());
    return out.stream().map(Numbered::record).toList();
  }

  /** A record with its place in the file. */
  private record Numbered(AuditRecord record, long line) {}

  /** Streams every readable line; @return how many lines were skipped */
  private long scan(Consumer<Line> each) throws IOException {
    long[] skipped = {0};
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      forEachLine(
          in,
          text -> {
            if (text == null) {
              skipped[0]++;
              return;
            }
            if (text.isBlank()) {
              return;
            }
            try {
              each.accept(mapper.readValue(text, Line.class));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
              skipped[0]++;
            }
          });
    } catch (NoSuchFileException e) {
      // nothing written yet
    }
    return skipped[0];
  }

  /**
   * Hands each line to {@code each}; a line over {@link #MAX_LINE_BYTES} is passed as null, never
   * buffered.
   */
  private static void forEachLine(InputStream in, Consumer<String> each) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        each.accept(tooLong ? null : line.toString(StandardCharsets.UTF_8));
        line.reset();
        tooLong = false;
      } else if (!tooLong) {
        if (line.size() >= MAX_LINE_BYTES) {
          tooLong = true;
          line.reset();
        } else {
          line.write(b);
        }
      }
    }
    if (tooLong) {
      each.accept(null);
    } else if (line.size() > 0) {
      each.accept(line.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Rewrites the file with its unexpired, readable lines, streaming: written to a temporary file,
   * renamed.
   */
  private void compact(Instant now) throws IOException {
    Path temp = file.resolveSibling(TEMP_NAME);
    try (FileChannel out =
        PrivateFiles.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      IOException[] failure = {null};
      scan(
          line -> {
            if (failure[0] != null || !line.expiresAt().isAfter(now)) {
              return;
            }
            ByteBuffer bytes =
                ByteBuffer.wrap(
                    (mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
              while (bytes.hasRemaining()) {
                out.write(bytes);
              }
            } catch (IOException e) {
              failure[0] = e;
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      out.force(true);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
