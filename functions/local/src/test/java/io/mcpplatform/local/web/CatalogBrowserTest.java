package io.mcpplatform.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.testing.HostileEntries;
import io.mcpplatform.local.LocalSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web catalog of the whole local system in headless Chromium, driven by puppeteer-core ({@code
 * src/test/js/catalog-browser.mjs}): search as you type, keyboard navigation to a server's page,
 * its discovered tools and uptime chart, the page without JavaScript and at a phone's width, WCAG 2
 * A/AA rules (axe-core, with every tool's input schema open), get_location's input schema opened
 * from the keyboard, and the hostile entries of the XSS suite (schemas included). Screenshots go to
 * {@code target/web-screenshots/}. Skipped when Chromium or {@code src/test/node_modules} is
 * missing.
 */
class CatalogBrowserTest {

  private static final Path SCRIPT = Path.of("../../src/test/js/catalog-browser.mjs");
  private static final Path PUPPETEER = Path.of("../../src/test/node_modules/puppeteer-core");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;

  @Test
  void catalog_searchesOpensAServer_andKeepsHostileEntriesInert() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assumeTrue(
        Files.isExecutable(chromium), "no Chromium at " + chromium + " (apt-get install chromium)");
    assumeTrue(
        Files.isDirectory(PUPPETEER), "src/test/node_modules not installed (npm ci in src/test)");

    try (LocalSystem system =
        LocalSystem.start("127.0.0.1", 0, dataDir, Duration.ofHours(1), false)) {
      var store = system.registry().store();
      // two runs: maps gets discovered tools and a health history of two checks
      system.healthChecks().runNow();
      system.healthChecks().runNow();
      Instant now = Instant.now();
      for (String[] decoy :
          List.of(
              new String[] {
                "io.github.decoy/weather", "Weather", "Forecasts for any location and city"
              },
              new String[] {
                "io.github.decoy/routes", "Routes", "Driving directions between two addresses"
              },
              new String[] {
                "io.github.decoy/places", "Places", "Opening hours of shops and places"
              })) {
        ServerEntry entry =
            ServerEntry.builder(decoy[0], decoy[1], "1.0.0")
                .description(decoy[2])
                .remotes(
                    List.of(
                        new Remote(
                            Remote.STREAMABLE_HTTP,
                            "https://decoy.example/" + decoy[1] + "/mcp",
                            List.of())))
                .tags(List.of("location"))
                .capabilities(List.of(new Capability("lookup", Capability.TOOL, decoy[2])))
                .discoveredCapabilities(List.of())
                .build();
        system.registry().service().indexIfNewer(store.saveRegistration(entry, 0, now));
      }
      for (ServerEntry saved : HostileEntries.save(store, now)) {
        system.registry().service().indexIfNewer(saved);
      }

      JsonNode report = run(system.baseUrl(), chromium);
      Files.writeString(Path.of("target/web-screenshots/report.json"), report.toPrettyString());

      assertThat(report.path("failure").isMissingNode()).as(report.toString()).isTrue();
      JsonNode index = report.get("index");
      assertThat(index.get("titles").get(0).asString()).isEqualTo("Maps");
      assertThat(index.get("url").asString()).endsWith("/?q=geocoding");
      assertThat(index.get("status").asString()).isEqualTo(index.get("total").asString());
      JsonNode server = report.get("server");
      assertThat(server.get("url").asString()).isEqualTo(system.baseUrl() + "/servers/maps");
      assertThat(JSON.convertValue(server.get("discovered"), List.class)).contains("get_location");
      assertThat(server.get("charts").asInt()).isEqualTo(2);
      assertThat(server.get("upBars").asInt()).isPositive();
      assertThat(server.get("copyButtons").asInt()).isEqualTo(3);
      assertThat(server.get("schemaVisibleBefore").asBoolean()).as("schemas on demand").isFalse();
      assertThat(server.get("detailsOpen").asBoolean()).isTrue();
      assertThat(server.get("schemaVisible").asBoolean()).isTrue();
      assertThat(server.get("schemaLabel").asString()).isEqualTo("Input schema of get_location");
      try (var in =
          CatalogBrowserTest.class.getResourceAsStream("/maps-schemas/get_location.input.json")) {
        assertThat(JSON.readTree(server.get("schema").asString())).isEqualTo(JSON.readTree(in));
      }
      assertThat(report.get("noScript").get(0).asString()).isEqualTo("Maps");
      assertThat(report.at("/phone/index").asInt()).isLessThanOrEqualTo(360);
      assertThat(report.at("/phone/server").asInt()).isLessThanOrEqualTo(360);

      assertThat(report.at("/accessibility/index").isArray()).as("axe-core ran").isTrue();
      assertThat(report.at("/accessibility/index")).as("WCAG 2 AA violations (axe-core)").isEmpty();
      assertThat(report.at("/accessibility/server"))
          .as("WCAG 2 AA violations (axe-core)")
          .isEmpty();
      assertThat(report.get("dialogs")).as("dialogs opened").isEmpty();
      assertThat(report.get("pageErrors")).isEmpty();
      assertThat(report.get("cspViolations"))
          .as("our own pages break no rule of their policy")
          .isEmpty();
      assertThat(report.get("requests")).as("requests to other origins").isEmpty();
      assertThat(report.get("xss")).hasSize(3);
      for (JsonNode page : report.get("xss")) {
        String path = page.get("path").asString();
        assertThat(page.get("xss").isNull())
            .as(path + " ran a payload: " + page.get("xss"))
            .isTrue();
        assertThat(page.get("scripts").asInt()).as(path).isEqualTo(1);
        assertThat(page.get("handlers").asInt()).as(path).isZero();
        assertThat(page.get("badLinks").asInt()).as(path).isZero();
        assertThat(page.get("missing")).as(path + " text not shown literally").isEmpty();
      }
    }
    for (String shot : List.of("catalog-index.png", "catalog-server.png", "catalog-xss-2.png")) {
      assertThat(Path.of("target/web-screenshots", shot)).isNotEmptyFile();
    }
  }

  private static JsonNode run(String baseUrl, Path chromium) throws Exception {
    Path expectations = Files.createTempFile("catalog-xss", ".json");
    try {
      Files.writeString(expectations, JSON.writeValueAsString(expectations()));
      List<String> command =
          new ArrayList<>(
              List.of(
                  "node",
                  SCRIPT.toAbsolutePath().normalize().toString(),
                  baseUrl,
                  Path.of("target/web-screenshots").toAbsolutePath().toString(),
                  chromium.toString(),
                  expectations.toString()));
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(out).isZero();
      return JSON.readTree(out);
    } finally {
      Files.deleteIfExists(expectations);
    }
  }

  /** What each hostile page must show, literally, in which element. */
  private static List<Map<String, Object>> expectations() {
    return List.of(
        Map.of(
            "path",
            "/?health=any&tag=evil",
            "texts",
            List.of(
                text(".card h2 bdi", HostileEntries.TITLE),
                text(".card .desc bdi", HostileEntries.DESCRIPTION),
                text(".tags bdi", HostileEntries.TAG),
                text(".tags bdi", HostileEntries.MARKUP_TAG))),
        Map.of(
            "path",
            "/servers/io.github.xss/scripts",
            "texts",
            List.of(
                text("h1 bdi", HostileEntries.TITLE),
                text(".remotes code", HostileEntries.REMOTE_URL),
                text(".links .url", HostileEntries.SCRIPT_URLS.get(0)),
                text(".links .url", HostileEntries.SCRIPT_URLS.get(1)),
                text(".tools-declared summary code bdi", HostileEntries.TOOL),
                text(
                    ".tools-declared pre.schema code",
                    JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(HostileEntries.SCHEMA)))),
        Map.of(
            "path",
            "/servers/io.github.xss/unicode",
            "texts",
            List.of(text(".desc bdi", HostileEntries.UNICODE_DESCRIPTION))));
  }

  private static Map<String, String> text(String selector, String text) {
    return Map.of("selector", selector, "text", text);
  }
}
