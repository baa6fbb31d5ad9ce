package io.mcpplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two local systems on one data directory: the second stops at once with a message a person can act
 * on.
 */
class DataDirLockEndToEndTest {

  @Test
  void secondProcess_exitsNonZeroNamingTheDirectory_whenDataDirIsInUse(@TempDir Path dataDir)
      throws Exception {
    try (LocalSystemProcess first = LocalSystemProcess.start(dataDir)) {
      LocalSystemProcess second = LocalSystemProcess.launch(dataDir);

      int exitCode = second.awaitExit(60, TimeUnit.SECONDS);

      String output = second.output();
      assertThat(exitCode).as(output).isNotZero();
      assertThat(output).contains(dataDir.toString()).contains("in use");
      assertThat(output)
          .doesNotContain("Exception")
          .doesNotContainPattern("\\bat [\\w$.]+\\(")
          .doesNotContain("Ready.");
      assertThat(first.isAlive()).isTrue();
    }
  }
}
