package io.mcpplatform.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository is: the nearest folder above the working directory that holds {@code
 * run-local}.
 */
final class Repo {

  private Repo() {}

  /**
   * @return the repository root
   */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("run-local"))) {
        return d;
      }
    }
    throw new IllegalStateException("no folder above " + dir + " holds run-local");
  }
}
