package io.mcpplatform.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The catalog's stylesheet and script, read once from the classpath and served under names that
 * carry a hash of their content ({@code assets/catalog.3f2a9c1b7d.css}): a page always names the
 * bytes it was rendered with, so the files may be cached for a year without ever going stale.
 */
final class WebAssets {

  /** One served file. */
  record Asset(String path, String contentType, byte[] bytes, String etag) {}

  private final Asset stylesheet;
  private final Asset script;
  private final Map<String, Asset> byPath;

  WebAssets() {
    this.stylesheet = load("catalog", "css", "text/css; charset=utf-8");
    this.script = load("catalog", "js", "text/javascript; charset=utf-8");
    this.byPath = Map.of(stylesheet.path(), stylesheet, script.path(), script);
  }

  /**
   * @return the stylesheet's path relative to the catalog root
   */
  String stylesheetPath() {
    return stylesheet.path();
  }

  /**
   * @return the script's path relative to the catalog root
   */
  String scriptPath() {
    return script.path();
  }

  /**
   * @param path a path relative to the catalog root, such as {@code assets/catalog.3f2a9c1b7d.css}
   * @return the asset, or null when there is none at that path (an old hash included)
   */
  Asset find(String path) {
    return byPath.get(path);
  }

  private static Asset load(String base, String extension, String contentType) {
    String resource = "/web/" + base + "." + extension;
    try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      byte[] bytes = in.readAllBytes();
      String hash = sha256(bytes).substring(0, 12);
      return new Asset(
          "assets/" + base + "." + hash + "." + extension, contentType, bytes, "\"" + hash + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  /**
   * @param bytes content
   * @return its SHA-256, hex
   */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * @return a string's UTF-8 bytes
   */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
