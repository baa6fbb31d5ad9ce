package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.maps.MapsApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapsRegistrationTest {

  /** The tools are described without a gazetteer: registration never asks the geocoder. */
  private static final MapsApp MAPS =
      new MapsApp(
          new Geocoder() {
            @Override
            public GeocodeResult geocode(String query, String language) {
              throw new UnsupportedOperationException();
            }

            @Override
            public GeocodeResult reverse(double latitude, double longitude, String language) {
              throw new UnsupportedOperationException();
            }
          },
          null);

  @TempDir Path dataDir;

  private FileRegistryStore store;
  private RegistryService service;

  @BeforeEach
  void open() {
    store = FileRegistryStore.open(dataDir);
    service = new RegistryService(store, Clock.systemUTC(), Duration.ZERO);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void register_describesTheMapsServer_withItsToolsAndTags() {
    ServerEntry entry = MapsRegistration.register(service, MAPS, "http://127.0.0.1:3000");

    assertThat(entry.name()).isEqualTo("maps");
    assertThat(entry.url()).isEqualTo("http://127.0.0.1:3000/maps/mcp");
    assertThat(entry.capabilities())
        .extracting(Capability::name)
        .containsExactly("get_location", "reverse_geocode");
    assertThat(entry.capabilities())
        .allSatisfy(
            c -> {
              assertThat(c.type()).isEqualTo(Capability.TOOL);
              assertThat(c.description()).isNotBlank();
            });
    assertThat(entry.tags()).contains("maps", "geocoding");
    assertThat(service.search(SearchQuery.text("geocoding", 10)).hits())
        .extracting(hit -> hit.entry().name())
        .containsExactly("maps");
  }

  @Test
  void register_writesNothing_whenTheEntryAlreadySaysTheSame() {
    ServerEntry first = MapsRegistration.register(service, MAPS, "http://127.0.0.1:3000");
    ServerEntry second = MapsRegistration.register(service, MAPS, "http://127.0.0.1:3000");

    assertThat(second.revision()).isEqualTo(first.revision()).isEqualTo(1);
    assertThat(second.updatedAt()).isEqualTo(first.updatedAt());
    assertThat(service.list(null, 10).items()).hasSize(1);
  }

  @Test
  void register_updatesTheSameEntry_whenThePortChanged() {
    MapsRegistration.register(service, MAPS, "http://127.0.0.1:3000");
    ServerEntry moved = MapsRegistration.register(service, MAPS, "http://127.0.0.1:3001");

    assertThat(moved.revision()).isEqualTo(2);
    assertThat(moved.url()).isEqualTo("http://127.0.0.1:3001/maps/mcp");
    assertThat(service.list(null, 10).items()).hasSize(1);
  }
}
