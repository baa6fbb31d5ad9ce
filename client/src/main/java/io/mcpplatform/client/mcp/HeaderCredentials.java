package io.mcpplatform.client.mcp;

import io.mcpplatform.client.registry.CatalogServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

  private static final TypeReference<Map<String, Map<String, Map<String, String>>>> FILE = new TypeReference<>() {};

  private final Map<String, String> env;
  private final Map<String, Map<String, String>> fileHeaders;
  private final Path file;

  private HeaderCredentials(Map<String, String> env, Map<String, Map<String, String>> fileHeaders, Path file) {
    this.env = Map.copyOf(env);
    this.fileHeaders = fileHeaders;
    this.file = file;
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
      try {
        Map<String, Map<String, Map<String, String>>> root = JsonMapper.shared().readValue(Files.readAllBytes(file), FILE);
        headers = root == null || root.get("headers") == null ? Map.of() : root.get("headers");
      } catch (IOException | JacksonException e) {
        // the message must not quote the file: it holds secrets
        throw new IllegalArgumentException("Cannot read the client config file " + file
            + ": expected {\"headers\": {\"SERVER\": {\"HEADER\": \"VALUE\"}}}", e);
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
