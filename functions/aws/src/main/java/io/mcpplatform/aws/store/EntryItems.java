package io.mcpplatform.aws.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.Repository;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryVectors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Converts entries to and from the attributes of an entry item (see {@link RegistryTable}). */
final class EntryItems {

  private static final TypeReference<List<Capability>> CAPABILITIES = new TypeReference<>() {};

  /** The registration fields of an entry, as stored in {@link RegistryTable#REGISTRATION}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Registration(
      @JsonProperty("name") String name,
      @JsonProperty("title") String title,
      @JsonProperty("description") String description,
      @JsonProperty("version") String version,
      @JsonProperty("remotes") List<Remote> remotes,
      @JsonProperty("repository") Repository repository,
      @JsonProperty("websiteUrl") String websiteUrl,
      @JsonProperty("tags") List<String> tags,
      @JsonProperty("capabilities") List<Capability> capabilities,
      @JsonProperty("status") LifecycleStatus status) {

    Registration {
      Objects.requireNonNull(name, "name");
    }
  }

  private final JsonMapper mapper =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  AttributeValue registration(ServerEntry e) {
    return json(
        new Registration(
            e.name(),
            e.title(),
            e.description(),
            e.version(),
            e.remotes(),
            e.repository(),
            e.websiteUrl(),
            e.tags(),
            e.capabilities(),
            e.status()));
  }

  AttributeValue health(Health health) {
    return json(health);
  }

  AttributeValue vectors(EntryVectors vectors) {
    return json(vectors);
  }

  AttributeValue discovered(List<Capability> discovered) {
    return json(discovered);
  }

  private AttributeValue json(Object value) {
    return AttributeValue.fromS(mapper.writeValueAsString(value));
  }

  /**
   * @param item the attributes of an entry item
   * @return the entry
   * @throws IllegalStateException when the item is not a readable entry item
   */
  ServerEntry toEntry(Map<String, AttributeValue> item) {
    try {
      Registration r =
          mapper.readValue(string(item, RegistryTable.REGISTRATION), Registration.class);
      Health health =
          item.containsKey(RegistryTable.HEALTH)
              ? mapper.readValue(string(item, RegistryTable.HEALTH), Health.class)
              : Health.UNKNOWN;
      List<Capability> discovered =
          item.containsKey(RegistryTable.DISCOVERED)
              ? mapper.readValue(string(item, RegistryTable.DISCOVERED), CAPABILITIES)
              : List.of();
      EntryVectors vectors =
          item.containsKey(RegistryTable.VECTORS)
              ? mapper.readValue(string(item, RegistryTable.VECTORS), EntryVectors.class)
              : null;
      return ServerEntry.builder(r.name(), r.title(), r.version())
          .description(r.description())
          .remotes(r.remotes())
          .repository(r.repository())
          .websiteUrl(r.websiteUrl())
          .tags(r.tags())
          .capabilities(r.capabilities())
          .discoveredCapabilities(discovered)
          .health(health)
          .status(r.status())
          .publishedAt(time(item, RegistryTable.PUBLISHED_AT))
          .updatedAt(time(item, RegistryTable.UPDATED_AT))
          .revision(Long.parseLong(item.get(RegistryTable.REVISION).n()))
          .vectors(vectors)
          .build();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Stored item "
              + item.get(RegistryTable.PARTITION_KEY)
              + " is not a readable registry entry",
          e);
    }
  }

  /**
   * @return the change time of an entry item
   */
  Instant changedAt(Map<String, AttributeValue> item) {
    return time(item, RegistryTable.CHANGED_AT);
  }

  private static Instant time(Map<String, AttributeValue> item, String attribute) {
    return Instant.parse(string(item, attribute));
  }

  private static String string(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item.get(attribute);
    if (value == null || value.s() == null) {
      throw new IllegalStateException("attribute " + attribute + " is missing");
    }
    return value.s();
  }
}
