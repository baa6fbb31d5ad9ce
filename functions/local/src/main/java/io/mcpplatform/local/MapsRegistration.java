package io.mcpplatform.local;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.maps.MapsApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the local maps server in the local registry, as a client would with {@code
 * register_server}: id {@value #SERVER_ID}, its loopback URL, its tools as capabilities, version
 * {@code 0.1.0+port.<port>} (a registered version's remote is fixed, so another port is another
 * version). Idempotent: when the stored entry already says the same, nothing is written, so
 * restarts on the same port do not bump its revision.
 */
final class MapsRegistration {

  /** The maps server's id in the registry. */
  static final String SERVER_ID = "maps";

  private static final Logger LOG = LoggerFactory.getLogger(MapsRegistration.class);

  private MapsRegistration() {}

  /**
   * @param service the local registry
   * @param maps the maps server, for its tools
   * @param baseUrl where the local system listens, such as {@code http://127.0.0.1:3000}
   * @return the entry as stored
   */
  static ServerEntry register(RegistryService service, MapsApp maps, String baseUrl) {
    RegistrationRequest request =
        RegistrationRequest.fromArguments(
            arguments(maps, baseUrl), UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP);
    ServerEntry existing = service.get(SERVER_ID).orElse(null);
    // vectors are derived from the entry's text and stored beside it; they are not part of what it
    // says
    if (existing != null
        && request.toEntry(existing).withVectors(existing.vectors()).equals(existing)) {
      LOG.debug("maps already registered at {} (revision {})", existing.url(), existing.revision());
      return existing;
    }
    ServerEntry saved = service.register(request).entry();
    LOG.info(
        "maps registered in the local registry at {} (revision {})", saved.url(), saved.revision());
    return saved;
  }

  /**
   * @return the {@code register_server} arguments describing the local maps server
   */
  static Map<String, Object> arguments(MapsApp maps, String baseUrl) {
    List<Object> capabilities = new ArrayList<>();
    maps.toolDescriptions()
        .forEach(
            (name, description) ->
                capabilities.add(
                    Map.of("name", name, "type", Capability.TOOL, "description", description)));
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("server_id", SERVER_ID);
    args.put("name", "Maps");
    args.put(
        "description",
        "Geocoding: place names and addresses to coordinates, addresses and map links"
            + " (get_location), and coordinates to the nearest address or place (reverse_geocode). Locally from the"
            + " offline GeoNames gazetteer; on AWS from Google Geocoding when a key is set.");
    args.put("url", baseUrl + MapsApp.MCP_PATH);
    args.put("transport", "streamable-http");
    args.put("capabilities", capabilities);
    args.put("tags", List.of("maps", "geocoding", "location", "places"));
    // a registered version's remote never changes, so each loopback port is a version of its own
    args.put("version", "0.1.0+port." + java.net.URI.create(baseUrl).getPort());
    return args;
  }
}
