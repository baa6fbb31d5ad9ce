package io.mcpplatform.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the project's {@code events/} folder, shared by {@code sam local invoke} and these tests.
 */
public final class EventFiles {

  private EventFiles() {}

  public static Path dir(String function) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("events").resolve(function);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no events/" + function + " folder above " + here);
  }

  public static List<String> names(String function) {
    try (Stream<Path> files = Files.list(dir(function))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(String function, String name) {
    try {
      return Files.readAllBytes(dir(function).resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
