package io.mcpplatform.embedded.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.catalog.HealthSample;
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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health history of a {@link FileRegistryStore}: an append-only file of JSON lines ({@code
 * health-history.jsonl}), one sample per line with its expiry time, kept in memory by server.
 * Expired samples are dropped from memory on write and from the file when it is opened. History is
 * not critical data: writes are not forced to the device, and an unreadable line is skipped.
 */
final class HealthHistoryFile implements AutoCloseable {

  static final String FILE_NAME = "health-history.jsonl";
  private static final String TEMP_NAME = "health-history.jsonl.tmp";
  private static final Logger LOG = LoggerFactory.getLogger(HealthHistoryFile.class);

  /** One line of the file. */
  record Line(
      @JsonProperty("name") String name,
      @JsonProperty("sample") HealthSample sample,
      @JsonProperty("expiresAt") Instant expiresAt) {

    Line {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sample, "sample");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private final Path file;
  private final JsonMapper mapper;
  private final Map<String, Deque<Line>> byName = new HashMap<>();
  private FileChannel channel;

  private HealthHistoryFile(Path dir, JsonMapper mapper) {
    this.file = dir.resolve(FILE_NAME);
    this.mapper = mapper;
  }

  /** Opens the history in a directory, keeping the samples that have not expired at {@code now}. */
  static HealthHistoryFile open(Path dir, JsonMapper mapper, Instant now) throws IOException {
    HealthHistoryFile history = new HealthHistoryFile(dir, mapper);
    int read = 0;
    int kept = 0;
    try (BufferedReader in = Files.newBufferedReader(history.file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = in.readLine()) != null) {
        read++;
        Line line = history.parse(text);
        if (line != null && line.expiresAt().isAfter(now)) {
          history.byName.computeIfAbsent(line.name(), n -> new ArrayDeque<>()).addLast(line);
          kept++;
        }
      }
    } catch (NoSuchFileException e) {
      // no history yet
    }
    if (read > 2 * kept + 100) {
      history.rewrite();
      LOG.info("Compacted health history in {}: {} of {} lines kept", dir, kept, read);
    }
    history.channel =
        PrivateFiles.open(
            history.file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    return history;
  }

  private Line parse(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return mapper.readValue(text, Line.class);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private void rewrite() throws IOException {
    Path temp = file.resolveSibling(TEMP_NAME);
    StringBuilder all = new StringBuilder();
    for (Deque<Line> lines : byName.values()) {
      for (Line line : lines) {
        all.append(mapper.writeValueAsString(line)).append('\n');
      }
    }
    PrivateFiles.writeString(temp, all);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Appends a sample and drops the server's samples that have expired at the sample's time. */
  void append(String name, HealthSample sample, Instant expiresAt) throws IOException {
    Line line = new Line(name, sample, expiresAt);
    ByteBuffer bytes =
        ByteBuffer.wrap((mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    Deque<Line> lines = byName.computeIfAbsent(name, n -> new ArrayDeque<>());
    lines.addLast(line);
    lines.removeIf(l -> !l.expiresAt().isAfter(sample.checkedAt()));
  }

  /**
   * @return the server's samples checked at or after {@code since}, oldest first
   */
  List<HealthSample> since(String name, Instant since) {
    Deque<Line> lines = byName.get(name);
    if (lines == null) {
      return List.of();
    }
    List<HealthSample> out = new ArrayList<>();
    for (Line line : lines) {
      if (!line.sample().checkedAt().isBefore(since)) {
        out.add(line.sample());
      }
    }
    out.sort(Comparator.comparing(HealthSample::checkedAt));
    return out;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
