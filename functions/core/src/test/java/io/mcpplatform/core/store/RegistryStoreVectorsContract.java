package io.mcpplatform.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.embedding.TextEmbedder;
import io.mcpplatform.core.embedding.TextVector;
import io.mcpplatform.core.embedding.VectorCodec;
import io.mcpplatform.core.registry.RegistryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The part of the store contract about the vectors stored with entries: every adapter keeps them
 * through registrations, health writes and its change feed, and an entry written without vectors
 * (before vectors existed) gets them from {@link RegistryService#reindex()}. Adapters run it as a
 * nested test class.
 */
public abstract class RegistryStoreVectorsContract {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  /**
   * A stand-in for the sentence-embedding model (the model lives in another module): a fixed vector
   * per text, so stored and recomputed vectors can be compared.
   */
  static final class LetterCounts implements TextEmbedder {
    int calls;

    @Override
    public String modelId() {
      return "letter-counts";
    }

    @Override
    public int dimensions() {
      return 26;
    }

    @Override
    public float[] embed(String text) {
      calls++;
      float[] v = new float[26];
      for (char c : text.toLowerCase().toCharArray()) {
        if (c >= 'a' && c <= 'z') {
          v[c - 'a']++;
        }
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = norm == 0 ? 0 : (float) (v[i] / Math.sqrt(norm));
      }
      return v;
    }
  }

  private RegistryStore store;

  /**
   * @return a new store holding no entry, used by one test only
   * @throws Exception when the store cannot be set up
   */
  protected abstract RegistryStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private static ServerEntry entry(String name) {
    return ServerEntry.builder(name, "Weather", "1.0.0")
        .description("Forecasts for any city")
        .remotes(
            List.of(
                new Remote(Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
        .capabilities(
            List.of(new Capability("get_forecast", Capability.TOOL, "Forecast of a city")))
        .build();
  }

  private static EntryVectors vectors(String... sources) {
    List<TextVector> texts =
        java.util.Arrays.stream(sources)
            .map(
                s ->
                    new TextVector(
                        s, "h-" + s, VectorCodec.encode(new float[] {0.5f, -0.25f, s.length()})))
            .toList();
    return new EntryVectors("test-model", texts);
  }

  @Test
  void saveRegistration_storesVectors_andEveryReadReturnsThem() {
    EntryVectors v = vectors("entry", "tool:get_forecast");
    store.saveRegistration(entry("weather").withVectors(v), 0, T0);

    assertThat(store.get("weather").orElseThrow().vectors()).isEqualTo(v);
    assertThat(store.listByUpdated(null, 10).items().get(0).vectors()).isEqualTo(v);
    assertThat(store.changesSince(T0, null, 10).items().get(0).entry().vectors()).isEqualTo(v);
  }

  @Test
  void saveHealth_keepsVectors_andARegistrationWithoutVectorsRemovesStaleOnes() {
    EntryVectors v = vectors("entry");
    store.saveRegistration(entry("weather").withVectors(v), 0, T0);
    ServerEntry healthy =
        store.saveHealth(
            "weather",
            new Health(HealthStatus.HEALTHY, T0.plusSeconds(1), 5L, "2025-06-18", 0, null),
            List.of(),
            T0.plusSeconds(1));
    assertThat(healthy.vectors()).isEqualTo(v);
    assertThat(store.get("weather").orElseThrow().vectors()).isEqualTo(v);

    store.saveRegistration(entry("weather"), 1, T0.plusSeconds(2));
    assertThat(store.get("weather").orElseThrow().vectors()).isNull();
  }

  @Test
  void saveVectors_writesOnlyVectors_andRecordsAChange() {
    ServerEntry saved = store.saveRegistration(entry("weather"), 0, T0);
    EntryVectors v = vectors("entry", "tool:get_forecast");

    ServerEntry withVectors = store.saveVectors("weather", v, saved.revision(), T0.plusSeconds(5));

    assertThat(withVectors.vectors()).isEqualTo(v);
    assertThat(withVectors.withVectors(null)).isEqualTo(saved);
    assertThat(store.get("weather").orElseThrow().vectors()).isEqualTo(v);
    assertThat(store.changesSince(T0.plusSeconds(5), null, 10).items())
        .extracting(c -> c.entry().vectors())
        .containsExactly(v);
  }

  @Test
  void saveVectors_throwsConflict_whenRegisteredMeanwhile_andNotFound_whenMissing() {
    store.saveRegistration(entry("weather"), 0, T0);
    store.saveRegistration(entry("weather"), 1, T0.plusSeconds(1));

    assertThatThrownBy(() -> store.saveVectors("weather", vectors("entry"), 1, T0.plusSeconds(2)))
        .isInstanceOf(ConflictException.class);
    assertThat(store.get("weather").orElseThrow().vectors()).isNull();
    assertThatThrownBy(() -> store.saveVectors("nobody", vectors("entry"), 1, T0.plusSeconds(2)))
        .isInstanceOf(EntryNotFoundException.class);
  }

  @Test
  void reindex_embedsEntriesWrittenWithoutVectors_andLeavesCurrentOnesAlone() {
    store.saveRegistration(entry("old-weather"), 0, T0);
    store.saveHealth(
        "old-weather",
        Health.UNKNOWN,
        List.of(new Capability("get_alerts", Capability.TOOL, "Storm alerts")),
        T0.plusSeconds(1));
    LetterCounts model = new LetterCounts();
    RegistryService service =
        new RegistryService(
            store, Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC), Duration.ZERO, model);

    assertThat(service.reindex()).isEqualTo(1);

    EntryVectors stored = store.get("old-weather").orElseThrow().vectors();
    assertThat(stored.model()).isEqualTo("letter-counts");
    assertThat(stored.texts())
        .extracting(TextVector::source)
        .containsExactly("entry", "tool:get_forecast", "tool:get_alerts");
    assertThat(
            VectorCodec.cosine(
                model.embed("get alerts: Storm alerts"),
                VectorCodec.decode(stored.find("tool:get_alerts").vector())))
        .isGreaterThan(0.99f);
    int calls = model.calls;
    assertThat(service.reindex()).isZero();
    assertThat(model.calls).isEqualTo(calls);
  }
}
