package io.mcpplatform.embedded.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An append-only file of JSON lines, one record per line: {@code {"crc":"<crc32c
 * hex>","rec":{...}}}, where the checksum covers the exact bytes of the {@code rec} value. Each
 * record holds an entry as it stood after one change, so the last record of a name is its current
 * state.
 */
final class Journal implements AutoCloseable {

  static final String FILE_NAME = "journal.jsonl";
  private static final String TEMP_NAME = "journal.jsonl.tmp";
  private static final byte[] PREFIX = "{\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIDDLE = "\",\"rec\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUFFIX = "}\n".getBytes(StandardCharsets.US_ASCII);
  private static final int CRC_HEX_LENGTH = 8;
  private static final int HEAD_LENGTH = PREFIX.length + CRC_HEX_LENGTH + MIDDLE.length;
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /**
   * One journal record.
   *
   * @param changedAt the change time the store recorded
   * @param entry the entry after the change, with its vectors
   * @param vectors the entry's vectors, written beside it (an entry's JSON form never carries
   *     them); null in records written before entries had vectors
   */
  record Record(
      @JsonProperty("changedAt") Instant changedAt,
      @JsonProperty("entry") ServerEntry entry,
      @JsonProperty("vectors") EntryVectors vectors) {

    Record {
      Objects.requireNonNull(changedAt, "changedAt");
      Objects.requireNonNull(entry, "entry");
      if (vectors != null && entry.vectors() == null) {
        entry = entry.withVectors(vectors);
      }
    }

    /**
     * @return a record of an entry and its vectors
     */
    static Record of(Instant changedAt, ServerEntry entry) {
      return new Record(changedAt, entry, entry.vectors());
    }
  }

  private final Path dir;
  private final Path file;
  private final JsonMapper mapper;
  private final boolean force;
  private FileChannel channel;
  private long size;

  private Journal(Path dir, JsonMapper mapper, boolean force) {
    this.dir = dir;
    this.file = dir.resolve(FILE_NAME);
    this.mapper = mapper;
    this.force = force;
  }

  /**
   * Opens the journal in a directory, replaying every record, and drops a damaged last record.
   *
   * @return the journal, positioned for appends, and the number of records replayed
   */
  static Journal open(Path dir, JsonMapper mapper, boolean force, Consumer<Record> replay)
      throws IOException {
    Journal journal = new Journal(dir, mapper, force);
    boolean existed = Files.exists(journal.file);
    journal.channel =
        PrivateFiles.open(
            journal.file,
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      if (!existed) {
        forceDirectory(dir);
      }
      journal.replay(replay);
    } catch (IOException | RuntimeException e) {
      journal.channel.close();
      throw e;
    }
    return journal;
  }

  private void replay(Consumer<Record> replay) throws IOException {
    long offset = 0;
    long badOffset = -1;
    String badReason = null;
    channel.position(0);
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    int b;
    boolean sawEnd = false;
    while (!sawEnd) {
      b = in.read();
      if (b != -1 && b != '\n') {
        line.write(b);
        continue;
      }
      sawEnd = b == -1;
      if (sawEnd && line.size() == 0) {
        break;
      }
      if (badOffset >= 0) {
        throw new StoreUnavailableException(
            "Registry journal "
                + file
                + " is damaged at byte "
                + badOffset
                + " ("
                + badReason
                + ") and records follow it; repair or move the file away",
            null);
      }
      byte[] bytes = line.toByteArray();
      boolean complete = !sawEnd;
      String problem = complete ? null : "record has no line end";
      Record record = null;
      if (problem == null) {
        try {
          record = decode(bytes);
        } catch (IllegalArgumentException | JacksonException e) {
          problem = e instanceof JacksonException ? "record is not valid JSON" : e.getMessage();
        }
      }
      if (problem == null) {
        replay.accept(record);
      } else {
        badOffset = offset;
        badReason = problem;
      }
      offset += bytes.length + (complete ? 1 : 0);
      line.reset();
    }
    if (badOffset >= 0) {
      LOG.warn(
          "Registry journal {}: dropped a torn last record at byte {} ({}), probably from a crash",
          file,
          badOffset,
          badReason);
      channel.truncate(badOffset);
      channel.force(true);
      offset = badOffset;
    }
    size = offset;
    channel.position(size);
  }

  private Record decode(byte[] line) throws JacksonException {
    if (line.length < HEAD_LENGTH + 2
        || !Arrays.equals(line, 0, PREFIX.length, PREFIX, 0, PREFIX.length)
        || !Arrays.equals(
            line, PREFIX.length + CRC_HEX_LENGTH, HEAD_LENGTH, MIDDLE, 0, MIDDLE.length)
        || line[line.length - 1] != '}') {
      throw new IllegalArgumentException("record is not in journal format");
    }
    String hex = new String(line, PREFIX.length, CRC_HEX_LENGTH, StandardCharsets.US_ASCII);
    long expected;
    try {
      expected = HexFormat.fromHexDigitsToLong(hex);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("record checksum is not hexadecimal", e);
    }
    CRC32C crc = new CRC32C();
    crc.update(line, HEAD_LENGTH, line.length - 1 - HEAD_LENGTH);
    if (crc.getValue() != expected) {
      throw new IllegalArgumentException("record checksum does not match");
    }
    return mapper.readValue(line, HEAD_LENGTH, line.length - 1 - HEAD_LENGTH, Record.class);
  }

  private byte[] encode(Record record) {
    byte[] body = mapper.writeValueAsBytes(record);
    CRC32C crc = new CRC32C();
    crc.update(body);
    String hex = HexFormat.of().toHexDigits((int) crc.getValue());
    ByteBuffer out = ByteBuffer.allocate(HEAD_LENGTH + body.length + SUFFIX.length);
    out.put(PREFIX).put(hex.getBytes(StandardCharsets.US_ASCII)).put(MIDDLE).put(body).put(SUFFIX);
    return out.array();
  }

  /**
   * Appends one record; when this returns the operating system has it, and the device too if
   * forcing.
   */
  void append(Record record) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(encode(record));
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, size + buffer.position());
      }
      if (force) {
        channel.force(false);
      }
      size += buffer.limit();
    } catch (IOException e) {
      try {
        channel.truncate(size);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Replaces the journal with one record per live entry: written to a temporary file, forced, then
   * renamed over the journal atomically, so a crash leaves either the old or the new journal whole.
   */
  void rewrite(List<Record> live) throws IOException {
    Path temp = dir.resolve(TEMP_NAME);
    long written = 0;
    try (FileChannel out =
        PrivateFiles.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (Record record : live) {
        ByteBuffer buffer = ByteBuffer.wrap(encode(record));
        while (buffer.hasRemaining()) {
          written += out.write(buffer);
        }
      }
      out.force(true);
    }
    channel.close();
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(dir);
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    size = written;
    channel.position(size);
  }

  /**
   * @return the journal's length in bytes
   */
  long size() {
    return size;
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("Cannot force directory {} on this platform: {}", dir, e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
