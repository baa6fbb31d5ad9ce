package io.mcpplatform.health;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;

/**
 * The project's {@code events/health-checker} files, read into the Lambda event type as the runtime
 * would.
 */
final class EventFiles {

  private static final String FUNCTION = "health-checker";

  private EventFiles() {}

  static List<String> names() {
    return io.mcpplatform.core.testing.EventFiles.names(FUNCTION);
  }

  static ScheduledEvent read(String name) {
    return ScheduledEvents.fromJson(io.mcpplatform.core.testing.EventFiles.read(FUNCTION, name));
  }
}
