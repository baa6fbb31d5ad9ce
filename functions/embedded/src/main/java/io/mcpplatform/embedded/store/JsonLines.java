package io.mcpplatform.embedded.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An append-only file of JSON values, one per line. Opening replays every readable line; a line
 * that does not parse (a torn last write after a crash) is skipped and logged.
 *
 * @param <T> the record type of a line
 */
final class JsonLines<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);

  private final Path file;
  private final JsonMapper mapper;
  private final Class<T> type;
  private final boolean force;
  private FileChannel channel;

  private JsonLines(Path file, JsonMapper mapper, Class<T> type, boolean force) {
    this.file = file;
    this.mapper = mapper;
    this.type = type;
    this.force = force;
  }

  /**
   * Opens (creating on first append) a file and replays its lines.
   *
   * @return the open file, positioned for appends
   */
  static <T> JsonLines<T> open(
      Path file, JsonMapper mapper, Class<T> type, boolean force, Consumer<T> replay)
      throws IOException {
    JsonLines<T> lines = new JsonLines<>(file, mapper, type, force);
    int skipped = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = in.readLine()) != null) {
        if (text.isBlank()) {
          continue;
        }
        try {
          replay.accept(mapper.readValue(text, type));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
          skipped++;
        }
      }
    } catch (NoSuchFileException e) {
      // nothing written yet
    }
    if (skipped > 0) {
      LOG.warn("Skipped {} unreadable lines in {}", skipped, file);
    }
    lines.channel =
        PrivateFiles.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return lines;
  }

  /** Appends one value as a line; forced to the device when the file was opened so. */
  void append(T value) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.wrap((mapper.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    if (force) {
      channel.force(false);
    }
  }

  /** Replaces the file's content with these values, atomically. */
  void rewrite(List<T> values) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    StringBuilder all = new StringBuilder();
    for (T value : values) {
      all.append(mapper.writeValueAsString(value)).append('\n');
    }
    PrivateFiles.writeString(temp, all);
    channel.close();
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel =
        PrivateFiles.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
