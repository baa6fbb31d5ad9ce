package io.mcpplatform.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.registry.RegistrationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web catalog through the registry's Lambda handler (REST proxy events, stage prod), parsed as
 * HTML5.
 */
class WebCatalogTest {

  private static final Map<String, Object> LOCATION_SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of("location", Map.of("type", "string", "description", "Place or address")),
          "required",
          List.of("location"));
  private static final Map<String, Object> DECLARED_SCHEMA =
      Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string")));

  @TempDir Path dir;

  private WebHarness web;

  @BeforeEach
  void start() {
    web = new WebHarness(dir);
    web.add(
        "io.github.acme/maps",
        "Maps",
        "Geocoding: place names to coordinates and back",
        List.of("maps", "geocoding"),
        Remote.STREAMABLE_HTTP,
        List.of(new Capability("get_location", Capability.TOOL, "Find a place", DECLARED_SCHEMA)),
        List.of(
            new Capability("get_location", Capability.TOOL, "Find a place", LOCATION_SCHEMA),
            new Capability("reverse_geocode", Capability.TOOL, "Address of coordinates")));
    web.add(
        "io.github.acme/weather",
        "Weather",
        "Forecasts and current weather for a city",
        List.of("weather"),
        Remote.SSE,
        List.of(new Capability("forecast", Capability.TOOL, "Forecast")),
        List.of());
    for (int i = 0; i < 25; i++) {
      web.add(
          "io.github.bulk/server-" + i,
          "Bulk " + i,
          "A filler server number " + i,
          List.of("bulk"),
          Remote.STREAMABLE_HTTP,
          List.of(),
          List.of());
    }
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void index_listsRankedServers_withTotalHealthAndToolCount() {
    WebHarness.Response r = web.get("/?q=geocoding");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.base64()).isFalse();
    assertThat(r.header("Content-Type")).startsWith("text/html");
    Document doc = Jsoup.parse(r.body());
    Element first = doc.selectFirst("#results .card");
    assertThat(first.selectFirst("h2").text()).isEqualTo("Maps");
    assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("servers/io.github.acme/maps");
    assertThat(first.select(".badge").text()).isEqualTo("healthy");
    assertThat(first.select(".meta").text()).contains("2 tools").contains("checked 2 min ago");
    assertThat(first.select(".meta time").attr("datetime")).isEqualTo("2026-12-01T11:58:00Z");
    assertThat(doc.selectFirst("#total").text()).startsWith("1 server matching");
    assertThat(doc.selectFirst("#q").attr("value")).isEqualTo("geocoding");
    assertThat(doc.selectFirst("label[for=q]")).isNotNull();
  }

  @Test
  void index_pagesByCursor_andCountsTheTotal() {
    Document first = Jsoup.parse(web.get("/").body());
    assertThat(first.selectFirst("#total").text()).isEqualTo("27 servers");
    assertThat(first.select("#results .card")).hasSize(CatalogQuery.PAGE_SIZE);
    String next = first.selectFirst("a[rel=next]").attr("href");
    assertThat(next).startsWith("./?cursor=");

    Document second = Jsoup.parse(web.get("/" + next.substring(2)).body());
    assertThat(second.select("#results .card")).hasSize(27 - CatalogQuery.PAGE_SIZE);
    assertThat(second.selectFirst("a[rel=next]")).isNull();
    assertThat(second.selectFirst("ol.cards").attr("start")).isEqualTo("21");
  }

  @Test
  void index_filtersByTransportTagAndType() {
    Document sse = Jsoup.parse(web.get("/?transport=sse").body());
    assertThat(sse.select("#results .card h2").eachText()).containsExactly("Weather");
    assertThat(sse.selectFirst("#transport option[selected]").attr("value")).isEqualTo("sse");

    Document tagged = Jsoup.parse(web.get("/?tag=geocoding,weather").body());
    assertThat(tagged.select("#results .card h2").eachText())
        .containsExactlyInAnyOrder("Maps", "Weather");

    Document tools = Jsoup.parse(web.get("/?type=tool&q=forecast").body());
    assertThat(tools.select("#results .card h2").eachText()).containsExactly("Weather");
  }

  @Test
  void index_refusesBadParameters_namingTheField() {
    WebHarness.Response r = web.get("/?health=sick&cursor=bogus");

    assertThat(r.status()).isEqualTo(400);
    String error = Jsoup.parse(r.body()).selectFirst("#total").text();
    assertThat(error).contains("health").contains("cursor").doesNotContain("Exception");
  }

  @Test
  void serverPage_showsToolsChartsVersionsAndSnippets() {
    web.history(
        "io.github.acme/maps", Duration.ofDays(2), Duration.ofMinutes(30), i -> i % 10 == 0);

    WebHarness.Response r = web.get("/servers/io.github.acme/maps");

    assertThat(r.status()).isEqualTo(200);
    Document doc = Jsoup.parse(r.body());
    assertThat(doc.selectFirst("h1").text()).isEqualTo("Maps");
    assertThat(doc.select(".tools-discovered summary code").eachText())
        .containsExactly("get_location", "reverse_geocode");
    assertThat(doc.select(".tools-declared summary code").eachText())
        .containsExactly("get_location");
    assertThat(doc.select("svg.chart")).hasSize(2);
    assertThat(doc.select("svg.chart").get(0).select("rect")).hasSize(24);
    assertThat(doc.select("svg.chart").get(1).select("rect")).hasSize(28);
    assertThat(doc.select("svg.chart rect.bar-partial")).isNotEmpty();
    assertThat(doc.select("svg.chart rect.bar-none")).isNotEmpty();
    assertThat(doc.select("figcaption").get(0).text())
        .matches("Last 24 hours: \\d+\\.\\d% up \\(\\d+ of 48 checks\\)");
    assertThat(doc.select("table.versions tbody tr")).hasSize(1);
    assertThat(doc.select("pre[data-copy]").eachText())
        .contains(
            "claude mcp add --transport http maps https://io.github.acme.maps.example.com/mcp",
            "./mcp tools io.github.acme/maps");
    assertThat(doc.select("pre[data-copy]").get(1).text())
        .contains("\"mcpServers\"")
        .contains("\"url\" : \"https://io.github.acme.maps.example.com/mcp\"");
    assertThat(doc.selectFirst("link[rel=stylesheet]").attr("href"))
        .startsWith("../../assets/catalog.");
  }

  @Test
  void serverPage_showsEachToolsInputSchemaOnDemand_labelledAndFocusable() {
    Document doc = Jsoup.parse(web.get("/servers/io.github.acme/maps").body());

    Element found = doc.select(".tools-discovered details").get(0);
    assertThat(found.hasAttr("open")).as("closed until asked for").isFalse();
    assertThat(found.selectFirst("summary code").text()).isEqualTo("get_location");
    Element pre = found.selectFirst("pre.schema");
    assertThat(pre.attr("aria-label")).isEqualTo("Input schema of get_location");
    assertThat(pre.attr("tabindex")).as("focusable, as a scrolling region must be").isEqualTo("0");
    assertThat(pre.attr("role")).isEqualTo("region");
    assertThat(WebHarness.JSON.readTree(pre.selectFirst("code").wholeText()))
        .isEqualTo(WebHarness.JSON.valueToTree(LOCATION_SCHEMA));
    assertThat(pre.selectFirst("code").wholeText()).contains("\n  \"properties\" : {");
    assertThat(doc.select(".tools-discovered details").get(1).text())
        .contains("No input schema recorded");
    assertThat(
            WebHarness.JSON.readTree(
                doc.selectFirst(".tools-declared pre.schema code").wholeText()))
        .isEqualTo(WebHarness.JSON.valueToTree(DECLARED_SCHEMA));
  }

  @Test
  void schemaRoute_servesOneToolsInputSchemaAsJson_underThePagesPolicy() {
    WebHarness.Response r = web.get("/servers/io.github.acme/maps/tools/get_location/schema");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Content-Security-Policy")).isEqualTo(WebCatalogServlet.CSP);
    assertThat(r.header("ETag")).isNotBlank();
    assertThat(WebHarness.JSON.readTree(r.body()))
        .isEqualTo(WebHarness.JSON.valueToTree(LOCATION_SCHEMA));

    WebHarness.Response declared =
        web.get("/servers/io.github.acme%2Fmaps/tools/get_location/schema?from=declared");
    assertThat(declared.status()).isEqualTo(200);
    assertThat(WebHarness.JSON.readTree(declared.body()))
        .isEqualTo(WebHarness.JSON.valueToTree(DECLARED_SCHEMA));

    for (String missing :
        List.of(
            "/servers/io.github.acme/maps/tools/reverse_geocode/schema",
            "/servers/io.github.acme/maps/tools/nothing/schema",
            "/servers/io.github.acme/nothing/tools/get_location/schema")) {
      WebHarness.Response none = web.get(missing);
      assertThat(none.status()).as(missing).isEqualTo(404);
      assertThat(none.header("Content-Type")).startsWith("application/json");
      assertThat(WebHarness.JSON.readTree(none.body()).get("error").asString()).isNotBlank();
    }
    WebHarness.Response head =
        web.call("HEAD", "/servers/io.github.acme/maps/tools/get_location/schema", Map.of());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void serverPage_staysUnder60KB_withTheMostToolsAndLargestSchemas() {
    Map<String, Object> largest = Map.of("description", "s".repeat(InputSchemas.MAX_BYTES - 18));
    Map<String, Object> medium = Map.of("type", "object", "description", "m".repeat(3000));
    List<Capability> declared = new java.util.ArrayList<>();
    for (int i = 0; i < RegistrationRequest.MAX_CAPABILITIES; i++) {
      declared.add(
          new Capability(
              "declared_" + i + "d".repeat(100), Capability.TOOL, "<".repeat(1000), medium));
    }
    // as many tools as a probe keeps, the first four with the largest schemas the list's budget
    // allows
    List<Capability> discovered = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      discovered.add(
          new Capability(
              "found_" + i + "f".repeat(190),
              Capability.TOOL,
              "\u6f22&".repeat(150),
              i < 4 ? largest : Map.of("type", "object")));
    }
    web.add(
        "io.github.big/server",
        "T".repeat(128),
        "word ".repeat(400),
        List.of("big"),
        Remote.STREAMABLE_HTTP,
        declared,
        discovered);

    WebHarness.Response r = web.get("/servers/io.github.big/server");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(60 * 1024);
    Document doc = Jsoup.parse(r.body());
    assertThat(doc.select(".tools-discovered li")).isNotEmpty();
    assertThat(doc.select(".tools-declared li")).isNotEmpty();
    assertThat(doc.select(".more-tools").eachText())
        .hasSize(2)
        .allMatch(t -> t.matches("\\d+ more not listed on this page: .*get_server.*"));
    Element link = doc.selectFirst(".tools-discovered .schema-link a");
    assertThat(link.attr("type")).isEqualTo("application/json");
    java.net.URI target =
        java.net.URI.create("https://h/servers/io.github.big/server").resolve(link.attr("href"));
    WebHarness.Response schema = web.get(target.getRawPath());
    assertThat(schema.status()).isEqualTo(200);
    assertThat(WebHarness.JSON.readTree(schema.body()))
        .isEqualTo(WebHarness.JSON.valueToTree(largest));
  }

  @Test
  void serverPage_acceptsAnEncodedSlash_andAnswers404ForUnknownNames() {
    WebHarness.Response encoded = web.get("/servers/io.github.acme%2Fweather");
    assertThat(encoded.status()).isEqualTo(200);
    Document doc = Jsoup.parse(encoded.body());
    assertThat(doc.selectFirst("h1").text()).isEqualTo("Weather");
    assertThat(doc.selectFirst("link[rel=stylesheet]").attr("href"))
        .startsWith("../assets/catalog.");
    assertThat(doc.select("pre[data-copy]").get(0).text())
        .startsWith("claude mcp add --transport sse weather ");

    assertThat(web.get("/servers/io.github.acme/nothing").status()).isEqualTo(404);
    assertThat(web.get("/servers/").status()).isEqualTo(404);
  }

  @Test
  void everyAnswer_carriesAStrictPolicy_andTheCatalogIsReadOnly() {
    for (String path :
        List.of("/", "/servers/io.github.acme/maps", "/servers/missing", "/?type=bad")) {
      WebHarness.Response r = web.get(path);
      String csp = r.header("Content-Security-Policy");
      assertThat(csp)
          .as(path)
          .contains("default-src 'self'")
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .contains("object-src 'none'")
          .contains("base-uri 'none'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
      Document doc = Jsoup.parse(r.body());
      assertThat(doc.select("script:not([src])")).as(path).isEmpty();
      assertThat(doc.select("[style]")).as(path).isEmpty();
      assertThat(doc.select("form[method=post]")).isEmpty();
    }
    WebHarness.Response post =
        web.call("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void assets_areServedUnderTheirHash_cachedForAYear_andRevalidated() {
    Document doc = Jsoup.parse(web.get("/").body());
    String css = doc.selectFirst("link[rel=stylesheet]").attr("href");
    String js = doc.selectFirst("script[src]").attr("src");
    assertThat(css).matches("assets/catalog\\.[0-9a-f]{12}\\.css");
    assertThat(js).matches("assets/catalog\\.[0-9a-f]{12}\\.js");
    assertThat(doc.selectFirst("script[src]").hasAttr("defer")).isTrue();

    WebHarness.Response script = web.get("/" + js);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.base64())
        .as("a text body, readable through a REST API without binary types")
        .isFalse();
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(script.body())
        .contains("searchAsYouType")
        .doesNotContain("eval(")
        .doesNotContain("innerHTML");
    String etag = script.header("ETag");
    assertThat(web.call("GET", "/" + js, Map.of("If-None-Match", etag)).status()).isEqualTo(304);

    WebHarness.Response style = web.get("/" + css);
    assertThat(style.header("Content-Type")).startsWith("text/css");
    assertThat(style.base64()).isFalse();
    assertThat(web.get("/assets/catalog.000000000000.css").status()).isEqualTo(404);
  }

  @Test
  void head_answersHeadersWithoutABody_andDeprecatedServersSaySo() {
    WebHarness.Response head = web.call("HEAD", "/servers/io.github.acme/maps", Map.of());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();

    web.app
        .service()
        .versions()
        .changeAllStatus(
            "io.github.acme/weather",
            io.mcpplatform.core.catalog.LifecycleStatus.DEPRECATED,
            "superseded");
    Document doc = Jsoup.parse(web.get("/servers/io.github.acme/weather").body());
    assertThat(doc.selectFirst(".notice").text()).startsWith("This server is deprecated");
  }

  @Test
  void listPage_staysUnder60KB_withTheLongestTextsRegistrationAllows() {
    List<String> tags =
        java.util.stream.IntStream.range(0, 20).mapToObj(i -> "tag" + i + "x".repeat(34)).toList();
    for (int i = 0; i < CatalogQuery.PAGE_SIZE; i++) {
      web.add(
          "io.github.long" + "x".repeat(40) + i + "/server-" + "y".repeat(60),
          "T".repeat(120) + i,
          "word ".repeat(400),
          tags,
          Remote.STREAMABLE_HTTP,
          List.of(),
          List.of());
    }

    WebHarness.Response r = web.get("/?q=word");

    assertThat(Jsoup.parse(r.body()).select("#results .card")).hasSize(CatalogQuery.PAGE_SIZE);
    assertThat(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(60 * 1024);
    assertThat(Jsoup.parse(r.body()).selectFirst(".card .desc").text())
        .endsWith("\u2026")
        .hasSizeLessThan(310);
  }

  @Test
  void pages_revalidateWithAnEtag() {
    WebHarness.Response first = web.get("/");
    String etag = first.header("ETag");
    assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(web.call("GET", "/", Map.of("If-None-Match", etag)).status()).isEqualTo(304);
  }
}
