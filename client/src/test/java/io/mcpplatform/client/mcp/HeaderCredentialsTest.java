package io.mcpplatform.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.client.registry.CatalogServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderCredentialsTest {

  @TempDir Path dir;

  private static CatalogServer server(String name, CatalogServer.RemoteHeader... headers) {
    return new CatalogServer(
        name,
        null,
        null,
        null,
        List.of(
            new CatalogServer.CatalogRemote(
                "streamable-http", "https://example.com/mcp", List.of(headers))),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static final CatalogServer.RemoteHeader KEY =
      new CatalogServer.RemoteHeader("X-API-Key", "the weather key", true, true);

  @Test
  void variableFor_keepsLettersAndDigits_andEscapesEveryOtherCharacterAsHex() {
    assertThat(HeaderCredentials.variableFor("com.example/weather-api", "X-API-Key"))
        .isEqualTo("MCP_HEADER_com_2Eexample_2Fweather_2Dapi__X_2DAPI_2DKey");
    assertThat(HeaderCredentials.variableFor("my_server", "k"))
        .isEqualTo("MCP_HEADER_my_5Fserver__k");
    assertThat(HeaderCredentials.variableFor("café", "k")).isEqualTo("MCP_HEADER_caf_C3_A9__k");
  }

  @Test
  void variableFor_givesDistinctNames_toServersThatOnlyDifferInPunctuationOrCase() {
    Set<String> variables =
        new HashSet<>(
            List.of(
                HeaderCredentials.variableFor("com.example/weather", "X-Api-Key"),
                HeaderCredentials.variableFor("com-example/weather", "X-Api-Key"),
                HeaderCredentials.variableFor("Com.Example/weather", "X-Api-Key"),
                HeaderCredentials.variableFor("com-example/weather-x-api", "Key"),
                HeaderCredentials.variableFor("com_example/weather", "X-Api-Key"),
                HeaderCredentials.variableFor("com.example/weather_", "_X-Api-Key")));

    assertThat(variables).hasSize(6);
  }

  @Test
  void variableFor_isInjective_overEveryPairOfShortNames() {
    // every (server, header) pair over an alphabet with the escape's own characters: no two share a
    // name
    List<String> names = new ArrayList<>();
    String alphabet = "a_-.2F";
    for (char x : alphabet.toCharArray()) {
      names.add(String.valueOf(x));
      for (char y : alphabet.toCharArray()) {
        names.add("" + x + y);
        for (char z : alphabet.toCharArray()) {
          names.add("" + x + y + z);
        }
      }
    }
    Map<String, String> seen = new HashMap<>();
    for (String server : names) {
      for (String header : names) {
        String pair = server + " | " + header;
        String other = seen.put(HeaderCredentials.variableFor(server, header), pair);
        assertThat(other).as("same variable for %s and %s", other, pair).isNull();
      }
    }
    assertThat(seen).hasSize(names.size() * names.size());
  }

  @Test
  void headersFor_neverSendsOneServersKey_toAServerWhoseNameOnlyLooksAlike() {
    HeaderCredentials credentials =
        HeaderCredentials.load(
            Map.of(HeaderCredentials.variableFor("com.example/weather", "X-Api-Key"), "victim-key"),
            null);
    CatalogServer.RemoteHeader key = new CatalogServer.RemoteHeader("X-Api-Key", null, true, true);

    assertThat(credentials.headersFor(server("com.example/weather", key)))
        .containsEntry("X-Api-Key", "victim-key");
    for (String impostor :
        List.of("com-example/weather", "Com.Example/weather", "com_example/weather")) {
      assertThatThrownBy(() -> credentials.headersFor(server(impostor, key)))
          .isInstanceOf(MissingCredentialException.class)
          .hasMessageNotContaining("victim-key");
    }
    assertThat(
            credentials.headersFor(
                server(
                    "com-example/weather-x-api",
                    new CatalogServer.RemoteHeader("Key", null, false, false))))
        .isEmpty();
  }

  @Test
  void headersFor_namesTheExactVariable_andSaysTheAmbiguousOldNameIsNotRead() {
    HeaderCredentials credentials =
        HeaderCredentials.load(Map.of("MCP_HEADER_COM_EXAMPLE_WEATHER_X_API_KEY", "k"), null);

    assertThatThrownBy(
            () ->
                credentials.headersFor(
                    server(
                        "com.example/weather",
                        new CatalogServer.RemoteHeader("X-Api-Key", null, true, true))))
        .isInstanceOf(MissingCredentialException.class)
        .hasMessageContaining("set MCP_HEADER_com_2Eexample_2Fweather__X_2DApi_2DKey ")
        .hasMessageContaining("MCP_HEADER_COM_EXAMPLE_WEATHER_X_API_KEY is set but not read")
        .hasMessageNotContaining("k\"");
  }

  @Test
  void headersFor_readsTheEnvironmentVariable() {
    HeaderCredentials credentials =
        HeaderCredentials.load(Map.of("MCP_HEADER_weather__X_2DAPI_2DKey", "k1"), null);

    assertThat(credentials.headersFor(server("weather", KEY)))
        .containsExactly(Map.entry("X-API-Key", "k1"));
  }

  @Test
  void headersFor_readsTheConfigFile_whenTheVariableIsUnset() throws Exception {
    Path file = dir.resolve("client.json");
    Files.writeString(file, "{\"headers\": {\"weather\": {\"x-api-key\": \"from-file\"}}}");

    HeaderCredentials credentials = HeaderCredentials.load(Map.of(), file);

    assertThat(credentials.headersFor(server("weather", KEY)))
        .containsEntry("X-API-Key", "from-file");
  }

  @Test
  void headersFor_namesTheVariableAndFile_whenARequiredHeaderIsMissing() {
    HeaderCredentials credentials = HeaderCredentials.load(Map.of(), dir.resolve("absent.json"));

    assertThatThrownBy(() -> credentials.headersFor(server("weather", KEY)))
        .isInstanceOf(MissingCredentialException.class)
        .hasMessageContaining("'X-API-Key'")
        .hasMessageContaining("MCP_HEADER_weather__X_2DAPI_2DKey")
        .hasMessageContaining("absent.json");
  }

  @Test
  void headersFor_leavesOutAnOptionalHeaderWithoutValue() {
    HeaderCredentials credentials = HeaderCredentials.load(Map.of(), null);
    CatalogServer.RemoteHeader optional =
        new CatalogServer.RemoteHeader("X-Trace", null, false, false);

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
    HeaderCredentials credentials =
        HeaderCredentials.load(Map.of("MCP_HEADER_weather__X_2DAPI_2DKey", "k1"), null);

    assertThat(credentials.toString()).doesNotContain("k1");
  }
}
