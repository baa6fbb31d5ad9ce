package io.mcpplatform.health;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.joda.time.DateTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The project's {@code events/health-checker} files, read into the Lambda event type as the runtime would. */
final class EventFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EventFiles() {
  }

  static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("events").resolve("health-checker");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no events/health-checker folder above " + here);
  }

  static List<String> names() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ScheduledEvent read(String name) {
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(dir().resolve(name)));
      ScheduledEvent event = new ScheduledEvent();
      event.setId(node.path("id").asString(null));
      event.setDetailType(node.path("detail-type").asString(null));
      event.setSource(node.path("source").asString(null));
      event.setAccount(node.path("account").asString(null));
      event.setRegion(node.path("region").asString(null));
      event.setTime(node.hasNonNull("time") ? DateTime.parse(node.get("time").asString()) : null);
      List<String> resources = new ArrayList<>();
      node.path("resources").forEach(r -> resources.add(r.asString()));
      event.setResources(resources);
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
