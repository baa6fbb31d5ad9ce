package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.embedding.TextVector;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.embedding.MiniLmEmbedder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local reindex}: entries written before vectors existed get them, with the real
 * model.
 */
class LocalMainReindexTest {

  @TempDir Path dataDir;

  @Test
  void reindex_embedsEntriesWrittenWithoutVectors() {
    try (FileRegistryStore store = FileRegistryStore.open(dataDir.resolve("registry"))) {
      store.saveRegistration(
          ServerEntry.builder("old-maps", "Old maps", "1.0.0")
              .description("Turns addresses into coordinates")
              .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, "http://127.0.0.1:9/mcp", null)))
              .capabilities(
                  List.of(
                      new Capability("get_location", Capability.TOOL, "Coordinates of a place")))
              .build(),
          0,
          Instant.now());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        new LocalMain(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run(new String[] {"reindex", "--data-dir", dataDir.toString()});

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("reindex: 1 entries embedded");
    try (FileRegistryStore store = FileRegistryStore.open(dataDir.resolve("registry"))) {
      EntryVectors vectors = store.get("old-maps").orElseThrow().vectors();
      assertThat(vectors.model()).isEqualTo(MiniLmEmbedder.MODEL_ID);
      assertThat(vectors.texts())
          .extracting(TextVector::source)
          .containsExactly("entry", "tool:get_location");
    }
  }
}
