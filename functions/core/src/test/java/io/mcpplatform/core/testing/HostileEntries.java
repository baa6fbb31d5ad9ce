package io.mcpplatform.core.testing;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.Repository;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.store.RegistryStore;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog entries whose every text field carries an attack on a page that shows it: script
 * elements, event-handler attributes, {@code javascript:} and {@code data:} URLs, a closing {@code
 * </script>}, attribute break-outs, shell metacharacters and Unicode tricks (bidi overrides,
 * zero-width and line separators), in tools' input schemas too. They are written straight to the
 * store, as if validation had been bypassed, so that the output encoding alone has to keep them
 * inert. Each payload sets {@code window.__xss} or opens a dialog if it ever runs.
 */
public final class HostileEntries {

  /** Title of the first entry: a script element. */
  public static final String TITLE = "<script>window.__xss='title';alert('title')</script>";

  /**
   * Description of the first entry: attribute break-out, image error handler, closing script tag.
   */
  public static final String DESCRIPTION =
      "\"><img src=x onerror=\"window.__xss='img';alert('img')\"> "
          + "</script><script>alert('close')</script> <svg onload=alert('svg')> ' onmouseover='alert(1)";

  /** A description with bidi overrides, zero-width and line-separator characters. */
  public static final String UNICODE_DESCRIPTION =
      "safe \u202Etxt.exe\u202C name\u200B\u2028 "
          + "\uFF1Cscript\uFF1Ealert('fullwidth')\uFF1C/script\uFF1E";

  /** A tag breaking out of an attribute. */
  public static final String TAG = "\"onfocus=\"alert('tag')\" autofocus=\"";

  /** A tag carrying markup. */
  public static final String MARKUP_TAG = "<b onmouseover=alert('b')>bold</b>";

  /** A remote URL that breaks out of HTML and out of a shell command line. */
  public static final String REMOTE_URL =
      "https://evil.example/mcp?x=\"><script>alert('url')</script>&y=';" + "touch /tmp/pwned;'";

  /** Website and repository URLs that must never become links. */
  public static final List<String> SCRIPT_URLS =
      List.of("javascript:alert('site')", "JaVaScRiPt:alert('repo')");

  /** A tool name and description with markup. */
  public static final String TOOL = "<img src=x onerror=alert('tool')>";

  /** A property name of {@link #SCHEMA}: an image with an error handler. */
  public static final String SCHEMA_PROPERTY =
      "<img src=x onerror=\"window.__xss='prop';alert('prop')\">";

  /**
   * A tool input schema whose property names, descriptions and defaults close the elements around
   * them ({@code </code></pre></details>}, {@code </script>}) and carry handlers and bidi
   * overrides.
   */
  public static final Map<String, Object> SCHEMA = schema();

  private HostileEntries() {}

  private static Map<String, Object> schema() {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("type", "string");
    property.put("description", "</code></pre></details><svg onload=\"window.__xss='svg'\">");
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("type", "string");
    other.put("default", "</script><script>window.__xss='default';alert('default')</script>");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(SCHEMA_PROPERTY, property);
    properties.put("\u202Eevil\u202C \"onfocus=\"alert('attr')", other);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("description", "<script>window.__xss='schema';alert('schema')</script>");
    schema.put("properties", properties);
    schema.put("required", List.of(SCHEMA_PROPERTY));
    return Collections.unmodifiableMap(schema);
  }

  /**
   * @return the entries, named {@code io.github.xss/...}
   */
  public static List<ServerEntry> entries() {
    ServerEntry scripts =
        ServerEntry.builder("io.github.xss/scripts", TITLE, "1.0.0")
            .description(DESCRIPTION)
            .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, REMOTE_URL, List.of())))
            .repository(new Repository(SCRIPT_URLS.get(1), "github", null, null))
            .websiteUrl(SCRIPT_URLS.get(0))
            .tags(List.of(TAG, MARKUP_TAG, "evil"))
            .capabilities(
                List.of(
                    new Capability(
                        TOOL, Capability.TOOL, "</script><script>alert('cap')</script>", SCHEMA)))
            .discoveredCapabilities(
                List.of(
                    new Capability(
                        "get_" + TOOL, Capability.TOOL, "\"><svg onload=alert('found')>", SCHEMA)))
            .build();
    ServerEntry unicode =
        ServerEntry.builder("io.github.xss/unicode", "Unicode \u202Edrowssap\u202C tricks", "2.0.0")
            .description(UNICODE_DESCRIPTION)
            .remotes(
                List.of(
                    new Remote(
                        Remote.SSE, "data:text/html,<script>alert('data')</script>", List.of())))
            .websiteUrl("https://example.com/\u0000\"onclick=alert(1)")
            .tags(List.of("evil"))
            .capabilities(List.of())
            .discoveredCapabilities(List.of())
            .build();
    return List.of(scripts, unicode);
  }

  /**
   * Writes the entries to a store, bypassing registration checks.
   *
   * @param store the store
   * @param now the registration time
   * @return the entries as stored
   */
  public static List<ServerEntry> save(RegistryStore store, Instant now) {
    return entries().stream().map(e -> store.saveRegistration(e, 0, now)).toList();
  }
}
