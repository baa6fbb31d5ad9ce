package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.embedded.store.FileRegistryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./run-local invoke}: one handler, once, on a file from events/, like sam local invoke. */
class LocalMainInvokeTest {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new LocalMain(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private static String event(String function, String file) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("events").resolve(function).resolve(file);
      if (Files.isRegularFile(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("no events/" + function + "/" + file);
  }

  @Test
  void invokeRegistry_printsTheProxyResponseWithItsBodyExpanded() {
    int code =
        run(
            "invoke",
            "registry",
            event("registry", "tools-list.json"),
            "--data-dir",
            dataDir.toString());
    assertThat(code).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("\"statusCode\" : 200").contains("\"name\" : \"search_servers\"");
  }

  @Test
  void invokeHealthChecker_runsOneScheduledCheckOverTheLocalData() {
    try (FileRegistryStore store = FileRegistryStore.open(dataDir.resolve("registry"))) {
      store.saveRegistration(
          ServerEntry.builder("gone", "Gone", "1.0.0")
              .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, "http://127.0.0.1:9/mcp", null)))
              .build(),
          0,
          Instant.now());
    }
    int code =
        run(
            "invoke",
            "health-checker",
            event("health-checker", "scheduled-event.json"),
            "--data-dir",
            dataDir.toString());
    assertThat(code).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("\"servers\" : 1")
        .contains("\"checked\" : 1")
        .contains("\"down\" : 1")
        .contains("\"complete\" : true");
  }

  @Test
  void invoke_namesTheProblem_whenFunctionOrEventIsWrong() {
    assertThat(run("invoke", "weather", event("registry", "tools-list.json"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown function 'weather'");
    err.reset();
    assertThat(
            run(
                "invoke",
                "health-checker",
                event("registry", "tools-list.json"),
                "--data-dir",
                dataDir.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("scheduled event");
    err.reset();
    assertThat(run("invoke", "registry", dataDir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such event file");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
