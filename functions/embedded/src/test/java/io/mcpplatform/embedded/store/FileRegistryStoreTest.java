package io.mcpplatform.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.store.Change;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FileRegistryStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path tmp;

  private static ServerEntry entry(String name) {
    return ServerEntry.builder(name, "Title " + name, "1.0.0")
        .description("Beschreibung ✓")
        .remotes(
            List.of(
                new Remote(Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
        .tags(List.of("t"))
        .build();
  }

  private static Health healthy(long second) {
    return new Health(HealthStatus.HEALTHY, T0.plusSeconds(second), 5L, "2025-06-18", 0, null);
  }

  private Path journal(Path dir) {
    return dir.resolve(Journal.FILE_NAME);
  }

  private static List<Change> allChanges(FileRegistryStore store) {
    return store.changesSince(Instant.EPOCH, null, 1000).items();
  }

  @Test
  void reopen_findsEverythingWrittenBefore() {
    Path dir = tmp.resolve("data");
    List<Change> before;
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      store.saveRegistration(entry("a"), 0, T0.plusSeconds(1));
      store.saveRegistration(entry("b"), 0, T0.plusSeconds(2));
      ServerEntry a = store.get("a").orElseThrow();
      store.saveRegistration(a, a.revision(), T0.plusSeconds(3));
      store.saveHealth(
          "b", healthy(4), List.of(new Capability("x", Capability.TOOL, null)), T0.plusSeconds(4));
      before = allChanges(store);
    }

    try (FileRegistryStore reopened = FileRegistryStore.open(dir)) {
      assertThat(allChanges(reopened)).isEqualTo(before);
      assertThat(reopened.get("a").orElseThrow().revision()).isEqualTo(2);
      assertThat(reopened.get("b").orElseThrow().health()).isEqualTo(healthy(4));
      assertThat(reopened.listByUpdated(null, 10).items())
          .extracting(ServerEntry::name)
          .containsExactly("a", "b");
    }
  }

  @Test
  void open_createsMissingDirectories() {
    Path dir = tmp.resolve("deep/nested/data");

    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      store.saveRegistration(entry("a"), 0, T0);
    }

    assertThat(journal(dir)).isRegularFile();
  }

  @Test
  void journal_isOneJsonObjectPerLineWithChecksum() throws IOException {
    Path dir = tmp.resolve("data");
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      store.saveRegistration(entry("a"), 0, T0);
      store.saveHealth("a", healthy(1), null, T0.plusSeconds(1));
    }

    List<String> lines = Files.readAllLines(journal(dir), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonMapper json = JsonMapper.builder().build();
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      assertThat(node.get("crc").asString()).matches("[0-9a-f]{8}");
      assertThat(node.get("rec").get("entry").get("name").asString()).isEqualTo("a");
    }
    assertThat(json.readTree(lines.get(1)).get("rec").get("changedAt").asString())
        .isEqualTo("2026-11-26T10:00:01Z");
  }

  @Test
  void open_dropsTornLastRecordAndKeepsTheRest() throws IOException {
    Path dir = tmp.resolve("data");
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      for (int i = 0; i < 3; i++) {
        store.saveRegistration(entry("s" + i), 0, T0.plusSeconds(i));
      }
    }
    long intact = Files.size(journal(dir));
    Files.write(
        journal(dir),
        "{\"crc\":\"0badf00d\",\"rec\":{\"changedAt\":\"2026-11-".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    try (FileRegistryStore reopened = FileRegistryStore.open(dir)) {
      assertThat(allChanges(reopened))
          .extracting(c -> c.entry().name())
          .containsExactly("s0", "s1", "s2");
      assertThat(Files.size(journal(dir))).isEqualTo(intact);
      reopened.saveRegistration(entry("s3"), 0, T0.plusSeconds(3));
    }
    try (FileRegistryStore again = FileRegistryStore.open(dir)) {
      assertThat(again.get("s3")).isPresent();
      assertThat(again.get("s2")).isPresent();
    }
  }

  @Test
  void open_dropsLastRecord_whenItsChecksumDoesNotMatch() throws IOException {
    Path dir = tmp.resolve("data");
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      store.saveRegistration(entry("kept"), 0, T0);
      store.saveRegistration(entry("damaged"), 0, T0.plusSeconds(1));
    }
    String text = Files.readString(journal(dir));
    Files.writeString(journal(dir), text.replace("Title damaged", "Title dAmaged"));

    try (FileRegistryStore reopened = FileRegistryStore.open(dir)) {
      assertThat(reopened.get("kept")).isPresent();
      assertThat(reopened.get("damaged")).isEmpty();
    }
  }

  @Test
  void open_refuses_whenARecordBeforeTheLastIsDamaged() throws IOException {
    Path dir = tmp.resolve("data");
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      store.saveRegistration(entry("first"), 0, T0);
      store.saveRegistration(entry("second"), 0, T0.plusSeconds(1));
    }
    String text = Files.readString(journal(dir));
    Files.writeString(journal(dir), text.replace("Title first", "Title fIrst"));

    assertThatThrownBy(() -> FileRegistryStore.open(dir))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(journal(dir).toString())
        .hasMessageContaining("damaged");
    Files.writeString(journal(dir), text);
    try (FileRegistryStore repaired = FileRegistryStore.open(dir)) {
      assertThat(repaired.get("first")).isPresent();
      assertThat(repaired.get("second")).isPresent();
    }
  }

  @Test
  void open_compactsJournal_whenManyRecordsAreSuperseded() throws IOException {
    Path dir = tmp.resolve("data");
    FileStoreOptions options = new FileStoreOptions(true, 10);
    try (FileRegistryStore store = FileRegistryStore.open(dir, options)) {
      store.saveRegistration(entry("busy"), 0, T0);
      store.saveRegistration(entry("quiet"), 0, T0.plusSeconds(1));
      for (int i = 2; i < 30; i++) {
        store.saveHealth("busy", healthy(i), null, T0.plusSeconds(i));
      }
    }
    assertThat(Files.readAllLines(journal(dir))).hasSize(30);

    try (FileRegistryStore compacted = FileRegistryStore.open(dir, options)) {
      assertThat(Files.readAllLines(journal(dir))).hasSize(2);
      assertThat(compacted.get("busy").orElseThrow().health()).isEqualTo(healthy(29));
      assertThat(allChanges(compacted))
          .extracting(c -> c.entry().name())
          .containsExactly("quiet", "busy");
      compacted.saveHealth("quiet", healthy(40), null, T0.plusSeconds(40));
    }
    assertThat(dir.resolve("journal.jsonl.tmp")).doesNotExist();
    try (FileRegistryStore again = FileRegistryStore.open(dir, options)) {
      assertThat(again.get("quiet").orElseThrow().health()).isEqualTo(healthy(40));
      assertThat(Files.readAllLines(journal(dir))).hasSize(3);
    }
  }

  @Test
  void open_keepsJournal_whenFewRecordsAreSuperseded() throws IOException {
    Path dir = tmp.resolve("data");
    try (FileRegistryStore store = FileRegistryStore.open(dir)) {
      store.saveRegistration(entry("a"), 0, T0);
      store.saveHealth("a", healthy(1), null, T0.plusSeconds(1));
    }

    try (FileRegistryStore reopened = FileRegistryStore.open(dir)) {
      assertThat(Files.readAllLines(journal(dir))).hasSize(2);
      assertThat(reopened.get("a").orElseThrow().health()).isEqualTo(healthy(1));
    }
  }

  @Test
  void open_refuses_whenAnotherStoreHoldsTheDirectory() {
    Path dir = tmp.resolve("data");
    try (FileRegistryStore first = FileRegistryStore.open(dir)) {
      assertThatThrownBy(() -> FileRegistryStore.open(dir))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use by another process");
      first.saveRegistration(entry("still-works"), 0, T0);
    }
    try (FileRegistryStore second = FileRegistryStore.open(dir)) {
      assertThat(second.get("still-works")).isPresent();
    }
  }

  @Test
  void calls_fail_afterClose() {
    FileRegistryStore store = FileRegistryStore.open(tmp.resolve("data"));
    store.close();

    assertThatThrownBy(() -> store.get("a")).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> store.saveRegistration(entry("a"), 0, T0))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void unforcedWrites_surviveReopen() {
    Path dir = tmp.resolve("data");
    FileStoreOptions unforced = new FileStoreOptions(false, 1000);
    try (FileRegistryStore store = FileRegistryStore.open(dir, unforced)) {
      store.saveRegistration(entry("a"), 0, T0);
    }

    try (FileRegistryStore reopened = FileRegistryStore.open(dir, unforced)) {
      assertThat(reopened.get("a")).isPresent();
    }
  }

  @Test
  void acknowledgedWrites_surviveKillMinus9_ofTheWritingProcess() throws Exception {
    Path dir = tmp.resolve("data");
    Path output = tmp.resolve("child-output.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StoreWriterProcess.class.getName(),
                dir.toString())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged(output).size() < 200 && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(acknowledged(output))
          .as("writes the child acknowledged")
          .hasSizeGreaterThanOrEqualTo(200);
      assertThatThrownBy(() -> FileRegistryStore.open(dir))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("another process");
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    List<String> acknowledged = acknowledged(output);
    try (FileRegistryStore reopened = FileRegistryStore.open(dir)) {
      for (String name : acknowledged) {
        assertThat(reopened.get(name)).as(name).isPresent();
      }
    }
  }

  /**
   * @return the names the child reported saved, from complete output lines only
   */
  private static List<String> acknowledged(Path output) throws IOException {
    String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    List<String> names = new ArrayList<>();
    int lineStart = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', lineStart)) {
      String line = text.substring(lineStart, end);
      if (line.startsWith("saved ")) {
        names.add(line.substring("saved ".length()));
      }
      lineStart = end + 1;
    }
    return names;
  }
}
