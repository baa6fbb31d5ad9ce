package io.mcpplatform.embedded.store;

import io.mcpplatform.core.catalog.ServerVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server versions of a {@link FileRegistryStore}: {@code versions.jsonl}, one version per line, the
 * last line of a name and version being its current state; kept in memory by name. Compacted on
 * open when most lines are superseded.
 */
final class VersionsFile implements AutoCloseable {

  static final String FILE_NAME = "versions.jsonl";

  private final Map<String, Map<String, ServerVersion>> byName = new HashMap<>();
  private final JsonLines<ServerVersion> lines;

  private VersionsFile(Path dir, JsonMapper mapper, boolean force) throws IOException {
    int[] read = {0};
    this.lines =
        JsonLines.open(
            dir.resolve(FILE_NAME),
            mapper,
            ServerVersion.class,
            force,
            v -> {
              read[0]++;
              put(v);
            });
    int kept = byName.values().stream().mapToInt(Map::size).sum();
    if (read[0] > 2 * kept + 100) {
      List<ServerVersion> all = new ArrayList<>();
      byName.values().forEach(m -> all.addAll(m.values()));
      lines.rewrite(all);
    }
  }

  static VersionsFile open(Path dir, JsonMapper mapper, boolean force) throws IOException {
    return new VersionsFile(dir, mapper, force);
  }

  private void put(ServerVersion version) {
    byName
        .computeIfAbsent(version.name(), n -> new LinkedHashMap<>())
        .put(version.version(), version);
  }

  ServerVersion get(String name, String version) {
    Map<String, ServerVersion> versions = byName.get(name);
    return versions == null ? null : versions.get(version);
  }

  List<ServerVersion> all(String name) {
    Map<String, ServerVersion> versions = byName.get(name);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  void save(ServerVersion version) throws IOException {
    lines.append(version);
    put(version);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
