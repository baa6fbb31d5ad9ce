package io.mcpplatform.client.mcp;

import io.mcpplatform.client.registry.CatalogServer;
import io.mcpplatform.mcpclient.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Values for the headers a server's remote declares ({@code remotes[].headers}): from the environment
 * ({@code MCP_HEADER_<SERVER>_<HEADER>}, names upper-cased, anything not a letter or digit turned into
 * {@code _}) or from a JSON config file ({@code {"headers": {"server-name": {"Header-Name": "value"}}}}).
 * A header marked {@code isRequired}, or secret with no {@code isRequired}, must have a value. Values are
 * never printed or logged; {@link #toString()} shows none.
 */
public final class HeaderCredentials {

  /** Environment variable naming the config file. */
  public static final String CONFIG_ENV = "MCP_CLIENT_CONFIG";

  private final Map<String, String> env;
  private final Map<String, Map<String, String>> fileHeaders;
  private final Path file;

  private HeaderCredentials(Map<String, String> env, Map<String, Map<String, String>> fileHeaders, Path file) {
    this.env = Map.copyOf(env);
    this.fileHeaders = fileHeaders;
    this.file = file;
  }

  /** The config file's {@code headers}: server name to header name to value, every value a string. */
  private static Map<String, Map<String, String>> headersOf(Object root) {
    Map<String, Object> file = Json.object(root);
    if (file == null) {
      throw new IllegalArgumentException("not an object");
    }
    Object headers = file.get("headers");
    if (headers == null) {
      return Map.of();
    }
    Map<String, Object> servers = Json.object(headers);
    if (servers == null) {
      throw new IllegalArgumentException("headers is not an object");
    }
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> server : servers.entrySet()) {
      Map<String, Object> values = Json.object(server.getValue());
      if (values == null) {
        throw new IllegalArgumentException("headers." + server.getKey() + " is not an object");
      }
      Map<String, String> strings = new LinkedHashMap<>();
      for (Map.Entry<String, Object> header : values.entrySet()) {
        if (!(header.getValue() instanceof String value)) {
          throw new IllegalArgumentException("a header value is not a string");
        }
        strings.put(header.getKey(), value);
      }
      result.put(server.getKey(), strings);
    }
    return result;
  }

  /**
   * @param env the environment
   * @param file the config file; absent is fine
   * @return the credentials
   * @throws IllegalArgumentException when the file exists but cannot be read as the expected JSON
   */
  public static HeaderCredentials load(Map<String, String> env, Path file) {
    Map<String, Map<String, String>> headers = Map.of();
    if (file != null && Files.isRegularFile(file)) {
      String problem;
      try {
        Object root;
        try {
          root = Json.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
          // not the parser's message: it may quote part of the file, which holds secrets
          throw new IllegalArgumentException("not valid JSON");
        }
        headers = headersOf(root);
        problem = null;
      } catch (IOException e) {
        problem = "cannot be read";
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
      if (problem != null) {
        throw new IllegalArgumentException("Cannot read the client config file " + file + " (" + problem
            + "): expected {\"headers\": {\"SERVER\": {\"HEADER\": \"VALUE\"}}}");
      }
    }
    return new HeaderCredentials(env, headers, file);
  }

  /**
   * @param env the environment
   * @return the default config file: {@code $MCP_CLIENT_CONFIG}, else {@code ~/.config/mcp-platform/client.json}
   */
  public static Path defaultFile(Map<String, String> env) {
    String configured = env.get(CONFIG_ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".config", "mcp-platform", "client.json");
  }

  /**
   * @param server a server name
   * @param header a header name
   * @return the environment variable holding the value, such as {@code MCP_HEADER_WEATHER_API_X_API_KEY}
   */
  public static String variableFor(String server, String header) {
    return "MCP_HEADER_" + upper(server) + "_" + upper(header);
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  /**
   * The headers to send to a server.
   *
   * @param server the catalog entry
   * @return header name to value, only for headers with a value
   * @throws MissingCredentialException when a required header has no value
   */
  public Map<String, String> headersFor(CatalogServer server) {
    CatalogServer.CatalogRemote remote = server.remote();
    Map<String, String> out = new LinkedHashMap<>();
    if (remote == null) {
      return out;
    }
    for (CatalogServer.RemoteHeader header : remote.headers()) {
      String value = env.get(variableFor(server.name(), header.name()));
      if (value == null) {
        value = fromFile(server.name(), header.name());
      }
      if (value != null && !value.isEmpty()) {
        out.put(header.name(), value);
      } else if (Boolean.TRUE.equals(header.isRequired())
          || header.isRequired() == null && Boolean.TRUE.equals(header.isSecret())) {
        throw new MissingCredentialException("Server '" + server.name() + "' needs the header '" + header.name()
            + "'" + (header.description() == null ? "" : " (" + header.description() + ")") + ": set "
            + variableFor(server.name(), header.name()) + " or add it under headers.\"" + server.name()
            + "\" in " + file);
      }
    }
    return out;
  }

  private String fromFile(String server, String header) {
    Map<String, String> values = fileHeaders.get(server);
    if (values == null) {
      return null;
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(header)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "HeaderCredentials[file=" + file + ", servers in file=" + fileHeaders.keySet() + "]";
  }
}
