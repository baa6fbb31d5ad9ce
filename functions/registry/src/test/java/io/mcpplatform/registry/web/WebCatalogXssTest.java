package io.mcpplatform.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.testing.HostileEntries;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile catalog entries ({@link HostileEntries}) rendered by the catalog and parsed as a
 * browser's HTML5 parser would: no element, attribute or link comes from catalog text, and the text
 * reads literally.
 */
class WebCatalogXssTest {

  @TempDir Path dir;

  private WebHarness web;

  @BeforeEach
  void start() {
    web = new WebHarness(dir);
    for (ServerEntry saved : HostileEntries.save(web.app.store(), WebHarness.NOW)) {
      web.app.service().indexIfNewer(saved);
    }
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void index_showsHostileTextLiterally_andAddsNoMarkup() {
    Document doc = page("/?health=any&tag=evil");

    assertThat(doc.select("#results .card")).hasSize(2);
    assertThat(doc.select(".card h2").eachText()).contains(HostileEntries.TITLE);
    assertThat(doc.select(".card .desc").eachText()).contains(HostileEntries.DESCRIPTION.strip());
    assertThat(doc.select(".tags a").eachText())
        .contains(HostileEntries.TAG, HostileEntries.MARKUP_TAG);
    String tagHref =
        doc.select(".tags a").stream()
            .filter(a -> a.text().equals(HostileEntries.TAG))
            .findFirst()
            .orElseThrow()
            .attr("href");
    assertThat(tagHref).startsWith("./?tag=").doesNotContain("\"").doesNotContain(" ");
    assertThat(doc.select(".card h2 a").eachAttr("href"))
        .containsExactlyInAnyOrder(
            "servers/io.github.xss/scripts", "servers/io.github.xss/unicode");
  }

  @Test
  void serverPages_keepEveryPayloadInert() {
    for (String path :
        List.of("/servers/io.github.xss/scripts", "/servers/io.github.xss/unicode")) {
      page(path);
    }
    Document doc = page("/servers/io.github.xss/scripts");
    assertThat(doc.selectFirst("h1").text()).isEqualTo(HostileEntries.TITLE);
    assertThat(doc.select(".tools-declared summary code").text()).isEqualTo(HostileEntries.TOOL);
    assertThat(doc.select(".remotes code").text()).isEqualTo(HostileEntries.REMOTE_URL);
    // javascript: URLs are shown as text, never linked
    assertThat(doc.select(".links .url").eachText())
        .containsExactlyElementsOf(HostileEntries.SCRIPT_URLS);
    assertThat(doc.select(".links a")).isEmpty();
    // the copied shell command passes the hostile URL as one quoted word
    assertThat(doc.select("pre[data-copy]").get(0).text())
        .isEqualTo(
            "claude mcp add --transport http scripts "
                + "'https://evil.example/mcp?x=\"><script>alert('\\''url'\\'')</script>&y='\\'';touch /tmp/pwned;'\\'''");
  }

  @Test
  void inputSchemas_areShownLiterally_inlineAndAsJson() {
    Document doc = page("/servers/io.github.xss/scripts");
    String pretty =
        WebHarness.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(HostileEntries.SCHEMA);

    // a registration keeps no discovered tools: the declared tool's schema is the one shown
    assertThat(doc.select("pre.schema")).hasSize(1);
    for (Element pre : doc.select("pre.schema")) {
      assertThat(pre.children()).hasSize(1);
      assertThat(pre.child(0).tagName()).isEqualTo("code");
      assertThat(pre.child(0).children()).as("no element from schema text").isEmpty();
      assertThat(pre.child(0).wholeText()).isEqualTo(pretty);
    }
    assertThat(doc.select("pre.schema").eachAttr("aria-label"))
        .containsExactly("Input schema of " + HostileEntries.TOOL);

    WebHarness.Response json =
        web.get(
            "/servers/io.github.xss/scripts/tools/"
                + Html.uriComponent(HostileEntries.TOOL)
                + "/schema?from=declared");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.header("Content-Type"))
        .isEqualToIgnoringCase("application/json; charset=utf-8");
    assertThat(json.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(json.header("Content-Security-Policy")).isEqualTo(WebCatalogServlet.CSP);
    assertThat(WebHarness.JSON.readTree(json.body()))
        .isEqualTo(WebHarness.JSON.valueToTree(HostileEntries.SCHEMA));
  }

  @Test
  void unicodeTricks_areShownAsTheyAre_insideIsolatedText() {
    Document doc = page("/servers/io.github.xss/unicode");
    Element desc = doc.selectFirst(".desc bdi");
    assertThat(desc.wholeText()).isEqualTo(HostileEntries.UNICODE_DESCRIPTION);
    assertThat(doc.selectFirst("h1 bdi")).isNotNull();
    // a data: remote and a website URL with a NUL byte are not linked
    assertThat(doc.select("a[href^=data], a[href*=onclick]")).isEmpty();
  }

  @Test
  void linkableUrl_acceptsOnlyAbsoluteHttpUrls() {
    assertThat(Html.linkableUrl("https://example.com/x?y=1"))
        .isEqualTo("https://example.com/x?y=1");
    assertThat(Html.linkableUrl("http://example.com")).isEqualTo("http://example.com");
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "//evil.example/",
            "/relative",
            "https://user:pw@example.com/",
            "https://exa mple.com",
            "https://example.com/\u202E",
            "vbscript:x",
            "https:alert(1)")) {
      assertThat(Html.linkableUrl(bad)).as(bad).isNull();
    }
  }

  @Test
  void shellWord_quotesAnythingButPlainWords() {
    assertThat(Html.shellWord("https://a.example/mcp")).isEqualTo("https://a.example/mcp");
    assertThat(Html.shellWord("a b")).isEqualTo("'a b'");
    assertThat(Html.shellWord("$(rm -rf ~)")).isEqualTo("'$(rm -rf ~)'");
    assertThat(Html.shellWord("it's")).isEqualTo("'it'\\''s'");
    assertThat(Html.shellWord("")).isEqualTo("''");
  }

  /**
   * Fetches a page and checks what holds for every page: our one script, no handler, only safe
   * links.
   */
  private Document page(String path) {
    WebHarness.Response r = web.get(path);
    assertThat(r.status()).as(path).isEqualTo(200);
    Document doc = Jsoup.parse(r.body());
    assertThat(doc.select("script")).as(path).hasSize(1);
    assertThat(doc.selectFirst("script").attr("src"))
        .matches("(\\.\\./)*assets/catalog\\.[0-9a-f]{12}\\.js");
    assertThat(doc.select("img, svg[onload], iframe, object, embed, b, base, meta[http-equiv]"))
        .as(path)
        .isEmpty();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey())
            .as(path + " " + e.tagName())
            .doesNotStartWith("on")
            .isNotEqualTo("autofocus")
            .isNotEqualTo("style");
      }
    }
    for (Element a : doc.select("a[href]")) {
      String href = a.attr("href");
      assertThat(
              href.startsWith("https://")
                  || href.startsWith("http://")
                  || href.startsWith("./")
                  || href.startsWith("servers/")
                  || href.startsWith("../")
                  || href.equals("#main"))
          .as(href)
          .isTrue();
      if (href.startsWith("http")) {
        assertThat(a.attr("rel")).isEqualTo("noopener noreferrer nofollow");
      }
    }
    return doc;
  }
}
