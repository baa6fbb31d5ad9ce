package io.mcpplatform.health;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.DateTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an EventBridge scheduled event from its JSON, as the Lambda runtime hands it to the
 * handler.
 */
public final class ScheduledEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScheduledEvents() {}

  /**
   * @param json the event as EventBridge sends it
   * @return the event
   * @throws IllegalArgumentException when the JSON is not a scheduled event, saying why
   */
  public static ScheduledEvent fromJson(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the event is not JSON");
    }
    if (node == null
        || !node.isObject()
        || !"Scheduled Event".equals(node.path("detail-type").asString(""))) {
      throw new IllegalArgumentException(
          "not an EventBridge scheduled event (\"detail-type\": \"Scheduled Event\")");
    }
    ScheduledEvent event = new ScheduledEvent();
    event.setId(node.path("id").asString(null));
    event.setDetailType(node.path("detail-type").asString(null));
    event.setSource(node.path("source").asString(null));
    event.setAccount(node.path("account").asString(null));
    event.setRegion(node.path("region").asString(null));
    try {
      event.setTime(node.hasNonNull("time") ? DateTime.parse(node.get("time").asString()) : null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the event's time is not an ISO-8601 time");
    }
    List<String> resources = new ArrayList<>();
    node.path("resources").forEach(r -> resources.add(r.asString()));
    event.setResources(resources);
    return event;
  }
}
