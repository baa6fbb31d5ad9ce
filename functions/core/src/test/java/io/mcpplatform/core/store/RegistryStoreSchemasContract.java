package io.mcpplatform.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The part of the store contract about tools' input schemas: every adapter keeps them, declared and
 * discovered, through registrations, health writes, listings, the change feed and versions, at the
 * sizes {@link InputSchemas} allows; and reads an entry written in its stored form of before input
 * schemas existed. Adapters run it as a nested test class.
 */
public abstract class RegistryStoreSchemasContract {

  protected static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  /**
   * Capabilities as stored before input schemas existed: the JSON array an adapter writes for an
   * entry's declared and its discovered capabilities.
   */
  protected static final String LEGACY_CAPABILITIES =
      "[{\"name\":\"get_forecast\",\"type\":\"tool\",\"description\":\"Forecast of a city\"},"
          + "{\"name\":\"docs\",\"type\":\"resource\"}]";

  private RegistryStore store;

  /**
   * @return a new store holding no entry, used by one test only
   * @throws Exception when the store cannot be set up
   */
  protected abstract RegistryStore newStore() throws Exception;

  /**
   * Writes, in the adapter's own stored form (journal record, table item), an entry named {@code
   * name} titled {@code Legacy}, version {@code 1.0.0}, revision 1, published and updated at {@link
   * #T0}, one Streamable HTTP remote {@code https://legacy.example.com/mcp}, whose declared and
   * discovered capabilities are both {@link #LEGACY_CAPABILITIES}, exactly as that text.
   *
   * @param name the entry's name
   * @return a store open on what was written
   * @throws Exception when it cannot be written
   */
  protected abstract RegistryStore storeWithLegacyEntry(String name) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    close(store);
  }

  private static void close(RegistryStore s) throws Exception {
    if (s instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** A schema with what a store must keep exactly: order, nesting, numbers, null, markup. */
  static Map<String, Object> schema(String property) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(
        property,
        Map.of(
            "type",
            "string",
            "description",
            "City </script><img src=x onerror=alert(1)> \u00e9\u6f22\ud83d\ude00 \"q\""));
    props.put("days", Map.of("type", "integer", "minimum", 1, "maximum", 16));
    props.put("ratio", Map.of("type", "number", "multipleOf", 0.25, "default", 0.5));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", props);
    s.put("required", List.of(property));
    s.put("additionalProperties", false);
    s.put("examples", Arrays.asList(null, 12_345_678_901L, List.of()));
    return s;
  }

  private static ServerEntry entry(String name, List<Capability> declared) {
    return ServerEntry.builder(name, "Weather", "1.0.0")
        .description("Forecasts")
        .remotes(
            List.of(
                new Remote(Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
        .capabilities(declared)
        .build();
  }

  private static Health healthy(int second) {
    return new Health(HealthStatus.HEALTHY, T0.plusSeconds(second), 5L, "2025-06-18", 0, null);
  }

  @Test
  void inputSchemas_declaredAndDiscovered_readBackEqual_everywhereTheEntryIsRead() {
    List<Capability> declared =
        List.of(
            new Capability("get_forecast", Capability.TOOL, "Forecast", schema("city")),
            new Capability("no_schema", Capability.TOOL, null));
    List<Capability> discovered =
        List.of(new Capability("get_alerts", Capability.TOOL, "Alerts", schema("region")));
    store.saveRegistration(entry("weather", declared), 0, T0);

    ServerEntry healthy = store.saveHealth("weather", healthy(1), discovered, T0.plusSeconds(1));

    assertThat(healthy.capabilities()).isEqualTo(declared);
    assertThat(healthy.discoveredCapabilities()).isEqualTo(discovered);
    ServerEntry read = store.get("weather").orElseThrow();
    assertThat(read.capabilities()).isEqualTo(declared);
    assertThat(read.discoveredCapabilities()).isEqualTo(discovered);
    assertThat(read.capabilities().get(0).inputSchema().keySet())
        .containsExactly("type", "properties", "required", "additionalProperties", "examples");
    assertThat(store.listByUpdated(null, 10).items().get(0).discoveredCapabilities())
        .isEqualTo(discovered);
    assertThat(store.changesSince(T0, null, 10).items().get(0).entry().capabilities())
        .isEqualTo(declared);
  }

  @Test
  void inputSchemas_keptInVersions() {
    ServerEntry e =
        entry(
                "com.example/weather",
                List.of(new Capability("f", Capability.TOOL, "F", schema("c"))))
            .withBookkeeping(T0, T0, 1);
    ServerVersion v = new ServerVersion(e, null, null);

    store.saveVersion(v, true);

    assertThat(store.getVersion("com.example/weather", "1.0.0")).contains(v);
  }

  @Test
  void inputSchemas_atTheirLargest_fitInOneEntry() {
    List<Capability> declared = new ArrayList<>();
    List<Capability> discovered = new ArrayList<>();
    for (int i = 0; i < InputSchemas.MAX_TOTAL_BYTES / InputSchemas.MAX_BYTES; i++) {
      declared.add(new Capability("declared_" + i, Capability.TOOL, "d", largest(i)));
      discovered.add(new Capability("found_" + i, Capability.TOOL, "d", largest(i)));
    }
    store.saveRegistration(entry("big", declared), 0, T0);
    store.saveHealth("big", healthy(1), discovered, T0.plusSeconds(1));
    store.saveHealth("big", healthy(2), discovered, T0.plusSeconds(2));

    ServerEntry read = store.get("big").orElseThrow();

    assertThat(read.capabilities()).isEqualTo(declared);
    assertThat(read.discoveredCapabilities()).isEqualTo(discovered);
  }

  /**
   * A schema of exactly {@link InputSchemas#MAX_BYTES} bytes of compact JSON, mostly 3-byte text.
   */
  private static Map<String, Object> largest(int i) {
    // {"description":""} is 18 bytes around the text
    int room = InputSchemas.MAX_BYTES - 18;
    String text = "\u6f22".repeat(room / 3 - 1) + String.valueOf(i).repeat(3 + room % 3);
    Map<String, Object> s = Map.of("description", text);
    assertThat(InputSchemas.compactBytes(s)).isEqualTo(InputSchemas.MAX_BYTES);
    return s;
  }

  @Test
  void entryWrittenBeforeInputSchemas_readsWithoutThem_andTakesThemOnItsNextWrites()
      throws Exception {
    RegistryStore legacy = storeWithLegacyEntry("old-weather");
    try {
      List<Capability> before =
          List.of(
              new Capability("get_forecast", Capability.TOOL, "Forecast of a city"),
              new Capability("docs", Capability.RESOURCE, null));
      ServerEntry read = legacy.get("old-weather").orElseThrow();
      assertThat(read.title()).isEqualTo("Legacy");
      assertThat(read.revision()).isEqualTo(1);
      assertThat(read.capabilities()).isEqualTo(before);
      assertThat(read.discoveredCapabilities()).isEqualTo(before);
      assertThat(legacy.listByUpdated(null, 10).items()).containsExactly(read);

      List<Capability> found =
          List.of(new Capability("get_forecast", Capability.TOOL, "Forecast", schema("city")));
      legacy.saveHealth("old-weather", healthy(5), found, T0.plusSeconds(5));
      assertThat(legacy.get("old-weather").orElseThrow().discoveredCapabilities()).isEqualTo(found);
      assertThat(legacy.get("old-weather").orElseThrow().capabilities()).isEqualTo(before);

      legacy.saveRegistration(
          read.toBuilder().capabilities(found).build(), read.revision(), T0.plusSeconds(6));
      ServerEntry updated = legacy.get("old-weather").orElseThrow();
      assertThat(updated.capabilities()).isEqualTo(found);
      assertThat(updated.discoveredCapabilities()).isEqualTo(found);
      assertThat(updated.revision()).isEqualTo(2);
    } finally {
      close(legacy);
    }
  }
}
