package io.mcpplatform.embedded.store;

import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a child JVM by {@link FileRegistryStoreTest}: opens a store and registers entries,
 * printing {@code saved <name>} after each write has returned, until the parent kills it. It stops
 * by itself after {@value #MAX_WRITES} writes or when its standard input closes (the parent is
 * gone).
 */
public final class StoreWriterProcess {

  static final int MAX_WRITES = 20_000;

  private StoreWriterProcess() {}

  /**
   * @param args the data directory
   */
  public static void main(String[] args) throws Exception {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // the parent keeps the pipe open while it wants us alive
                }
              } catch (java.io.IOException e) {
                // treated as the parent being gone
              }
              Runtime.getRuntime().halt(3);
            });
    watchdog.setDaemon(true);
    watchdog.start();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    FileRegistryStore store = FileRegistryStore.open(Path.of(args[0]));
    out.println("opened");
    Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
    for (int i = 0; i < MAX_WRITES; i++) {
      String name = "killed-" + i;
      store.saveRegistration(
          ServerEntry.builder(name, "Title " + i, "1.0.0")
              .remotes(
                  List.of(
                      new Remote(
                          Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
              .build(),
          0,
          t0.plusMillis(i));
      out.println("saved " + name);
    }
    out.println("done");
    Thread.sleep(60_000);
  }
}
