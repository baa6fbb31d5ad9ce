package io.mcpplatform.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.client.registry.CatalogServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderCredentialsTest {

  @TempDir
  Path dir;

  private static CatalogServer server(String name, CatalogServer.RemoteHeader... headers) {
    return new CatalogServer(name, null, null, null, List.of(new CatalogServer.CatalogRemote("streamable-http",
        "https://example.com/mcp", List.of(headers))), null, null, null, null, null, null);
  }

  private static final CatalogServer.RemoteHeader KEY =
      new CatalogServer.RemoteHeader("X-API-Key", "the weather key", true, true);

  @Test
  void variableFor_upperCasesAndReplacesOtherCharacters() {
    assertThat(HeaderCredentials.variableFor("com.example/weather-api", "X-API-Key"))
        .isEqualTo("MCP_HEADER_COM_EXAMPLE_WEATHER_API_X_API_KEY");
  }

  @Test
  void headersFor_readsTheEnvironmentVariable() {
    HeaderCredentials credentials = HeaderCredentials.load(Map.of("MCP_HEADER_WEATHER_X_API_KEY", "k1"), null);

    assertThat(credentials.headersFor(server("weather", KEY))).containsExactly(Map.entry("X-API-Key", "k1"));
  }

  @Test
  void headersFor_readsTheConfigFile_whenTheVariableIsUnset() throws Exception {
    Path file = dir.resolve("client.json");
    Files.writeString(file, "{\"headers\": {\"weather\": {\"x-api-key\": \"from-file\"}}}");

    HeaderCredentials credentials = HeaderCredentials.load(Map.of(), file);

    assertThat(credentials.headersFor(server("weather", KEY))).containsEntry("X-API-Key", "from-file");
  }

  @Test
  void headersFor_namesTheVariableAndFile_whenARequiredHeaderIsMissing() {
    HeaderCredentials credentials = HeaderCredentials.load(Map.of(), dir.resolve("absent.json"));

    assertThatThrownBy(() -> credentials.headersFor(server("weather", KEY)))
        .isInstanceOf(MissingCredentialException.class)
        .hasMessageContaining("'X-API-Key'")
        .hasMessageContaining("MCP_HEADER_WEATHER_X_API_KEY")
        .hasMessageContaining("absent.json");
  }

  @Test
  void headersFor_leavesOutAnOptionalHeaderWithoutValue() {
    HeaderCredentials credentials = HeaderCredentials.load(Map.of(), null);
    CatalogServer.RemoteHeader optional = new CatalogServer.RemoteHeader("X-Trace", null, false, false);

    assertThat(credentials.headersFor(server("weather", optional))).isEmpty();
  }

  @Test
  void load_failsWithoutQuotingTheFile_whenItIsNotTheExpectedJson() throws Exception {
    Path file = dir.resolve("client.json");
    Files.writeString(file, "{\"headers\": \"secret-value-123\"");

    assertThatThrownBy(() -> HeaderCredentials.load(Map.of(), file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret-value-123");
  }

  @Test
  void toString_showsNoValues() {
    HeaderCredentials credentials = HeaderCredentials.load(Map.of("MCP_HEADER_WEATHER_X_API_KEY", "k1"), null);

    assertThat(credentials.toString()).doesNotContain("k1");
  }
}
