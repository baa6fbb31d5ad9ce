package io.mcpplatform.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.mcpclient.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogServerTest {

  private static final String PAGE =
      """
      {"servers": [
        {"name": "maps", "title": "Maps", "description": "Geocoding", "version": "0.1.0", "status": "active",
         "remotes": [{"type": "sse", "url": "http://h/sse"},
                     {"type": "streamable-http", "url": "http://h/maps/mcp",
                      "headers": [{"name": "X-Api-Key", "description": "key", "isRequired": true, "isSecret": true}]}],
         "tags": ["maps", "geo"],
         "capabilities": [{"name": "get_location", "type": "tool", "description": "find"}],
         "discoveredCapabilities": [],
         "health": {"status": "healthy", "checkedAt": "2026-11-26T17:00:00Z", "latencyMillis": 12},
         "score": 0.82, "match": {"lexical": ["name", "tags"], "semantic": ["description", "tool:get_location"]},
         "somethingNew": {"ignored": true}},
        {"name": "bare", "remotes": [{"url": "http://h/bare/mcp"}]}
      ], "total": 2, "nextCursor": "c2"}
      """;

  @Test
  void from_readsTheRegistrysSearchResult() {
    SearchPage page = SearchPage.from(Json.parse(PAGE));

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.nextCursor()).isEqualTo("c2");
    CatalogServer maps = page.servers().get(0);
    assertThat(maps)
        .isEqualTo(
            new CatalogServer(
                "maps",
                "Maps",
                "Geocoding",
                "0.1.0",
                List.of(
                    new CatalogServer.CatalogRemote("sse", "http://h/sse", List.of()),
                    new CatalogServer.CatalogRemote(
                        "streamable-http",
                        "http://h/maps/mcp",
                        List.of(new CatalogServer.RemoteHeader("X-Api-Key", "key", true, true)))),
                List.of("maps", "geo"),
                List.of(new CatalogServer.CatalogCapability("get_location", "tool", "find")),
                List.of(),
                new CatalogServer.CatalogHealth("healthy", "2026-11-26T17:00:00Z", 12L),
                "active",
                0.82,
                new CatalogServer.SearchMatch(
                    List.of("name", "tags"), List.of("description", "tool:get_location"))));
    assertThat(maps.remote().url()).isEqualTo("http://h/maps/mcp");
    CatalogServer bare = page.servers().get(1);
    assertThat(bare.score()).isNull();
    assertThat(bare.match()).isNull();
    assertThat(bare.healthStatus()).isEqualTo("unknown");
    assertThat(bare.tags()).isEmpty();
  }

  @Test
  void from_namesTheEntryAndFieldThatIsWrong() {
    assertThatThrownBy(
            () ->
                SearchPage.from(
                    Json.parse(
                        "{\"servers\":[{\"name\":\"a\"},{\"name\":\"b\","
                            + "\"remotes\":[{\"type\":\"streamable-http\"}]}]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers[1]: url is missing or not a string");
    assertThatThrownBy(() -> SearchPage.from(Json.parse("{\"servers\":[{\"title\":\"x\"}]}")))
        .hasMessage("servers[0]: name is missing or not a string");
    assertThatThrownBy(
            () -> SearchPage.from(Json.parse("{\"servers\":[{\"name\":\"a\",\"tags\":\"maps\"}]}")))
        .hasMessage("servers[0]: tags is not an array");
    assertThatThrownBy(
            () ->
                SearchPage.from(
                    Json.parse(
                        "{\"servers\":[{\"name\":\"a\",\"match\":{\"lexical\":\"name\"}}]}")))
        .hasMessage("servers[0]: match.lexical is not an array");
    assertThatThrownBy(() -> SearchPage.from(Json.parse("{\"total\":0}")))
        .hasMessage("servers is missing or not an array");
    assertThatThrownBy(() -> CatalogServer.from(Json.parse("[]")))
        .hasMessage("server entry is not a JSON object");
  }
}
