package io.mcpplatform.embedded.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.catalog.AuditRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of a {@link FileRegistryStore}: {@code audit.jsonl}, one record per line with its expiry
 * time, kept in memory in time order. Expired records are dropped when the file is opened.
 */
final class AuditFile implements AutoCloseable {

  static final String FILE_NAME = "audit.jsonl";

  /** One line of the file. */
  record Line(@JsonProperty("record") AuditRecord record, @JsonProperty("expiresAt") Instant expiresAt) {
    Line {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private final List<Line> kept = new ArrayList<>();
  private final JsonLines<Line> lines;

  private AuditFile(Path dir, JsonMapper mapper, boolean force, Instant now) throws IOException {
    int[] read = {0};
    this.lines = JsonLines.open(dir.resolve(FILE_NAME), mapper, Line.class, force, line -> {
      read[0]++;
      if (line.expiresAt().isAfter(now)) {
        kept.add(line);
      }
    });
    kept.sort((a, b) -> a.record().at().compareTo(b.record().at()));
    if (read[0] > 2 * kept.size() + 100) {
      lines.rewrite(kept);
    }
  }

  static AuditFile open(Path dir, JsonMapper mapper, boolean force, Instant now) throws IOException {
    return new AuditFile(dir, mapper, force, now);
  }

  void append(AuditRecord record, Instant expiresAt) throws IOException {
    Line line = new Line(record, expiresAt);
    lines.append(line);
    int at = kept.size();
    while (at > 0 && kept.get(at - 1).record().at().isAfter(record.at())) {
      at--;
    }
    kept.add(at, line);
  }

  List<AuditRecord> since(Instant since, int limit) {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = kept.size() - 1; i >= 0 && out.size() < limit; i--) {
      AuditRecord record = kept.get(i).record();
      if (record.at().isBefore(since)) {
        break;
      }
      out.add(record);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
