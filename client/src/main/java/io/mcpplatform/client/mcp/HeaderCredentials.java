package io.mcpplatform.client.mcp;

import io.mcpplatform.client.registry.CatalogServer;
import io.mcpplatform.mcpclient.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Values for the headers a server's remote declares ({@code remotes[].headers}): from the
 * environment ({@link #variableFor}) or from a JSON config file ({@code {"headers": {"server-name":
 * {"Header-Name": "value"}}}}, the server's exact name as key). A header marked {@code isRequired},
 * or secret with no {@code isRequired}, must have a value. Values are never printed or logged;
 * {@link #toString()} shows none.
 *
 * <p>Each value belongs to exactly one server name: the variable's name encodes the server's name
 * and the header's name without loss, so two servers (say {@code com.example/weather} and an
 * impostor's {@code com-example/weather}) never read the same variable, and the file is keyed by
 * the exact name.
 */
public final class HeaderCredentials {

  /** Environment variable naming the config file. */
  public static final String CONFIG_ENV = "MCP_CLIENT_CONFIG";

  private final Map<String, String> env;
  private final Map<String, Map<String, String>> fileHeaders;
  private final Path file;

  private HeaderCredentials(
      Map<String, String> env, Map<String, Map<String, String>> fileHeaders, Path file) {
    this.env = Map.copyOf(env);
    this.fileHeaders = fileHeaders;
    this.file = file;
  }

  /**
   * The config file's {@code headers}: server name to header name to value, every value a string.
   */
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
        throw new IllegalArgumentException(
            "Cannot read the client config file "
                + file
                + " ("
                + problem
                + "): expected {\"headers\": {\"SERVER\": {\"HEADER\": \"VALUE\"}}}");
      }
    }
    return new HeaderCredentials(env, headers, file);
  }

  /**
   * @param env the environment
   * @return the default config file: {@code $MCP_CLIENT_CONFIG}, else {@code
   *     ~/.config/mcp-platform/client.json}
   */
  public static Path defaultFile(Map<String, String> env) {
    String configured = env.get(CONFIG_ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".config", "mcp-platform", "client.json");
  }

  /**
   * The environment variable holding one header's value for one server: {@code MCP_HEADER_}, the
   * server's name encoded, {@code __}, the header's name encoded. Encoding keeps ASCII letters (in
   * their case) and digits and writes every other character, {@code _} included, as {@code _XX} per
   * UTF-8 byte ({@code XX} upper-case hex). An encoded name therefore never holds {@code __} (each
   * {@code _} is followed by a hex digit), so the first {@code __} after the prefix ends the
   * server's name, and each part decodes back to exactly one name: distinct (server, header) pairs
   * get distinct variables. For example {@code com.example/weather} and {@code X-Api-Key} give
   * {@code MCP_HEADER_com_2Eexample_2Fweather__X_2DApi_2DKey}.
   *
   * @param server a server name
   * @param header a header name, as the server's remote declares it
   * @return the variable's name
   */
  public static String variableFor(String server, String header) {
    return PREFIX + encode(server) + SEPARATOR + encode(header);
  }

  private static final String PREFIX = "MCP_HEADER_";
  private static final String SEPARATOR = "__";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static String encode(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        out.append(c);
      } else {
        out.append('_').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * The name older clients gave the variable (upper case, runs of other characters as {@code _}),
   * which several servers can share; it is never read, only named in the message when it is set.
   */
  private static String ambiguousVariable(String server, String header) {
    return PREFIX + ambiguous(server) + "_" + ambiguous(header);
  }

  private static String ambiguous(String name) {
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
        throw new MissingCredentialException(missing(server.name(), header));
      }
    }
    return out;
  }

  private String missing(String server, CatalogServer.RemoteHeader header) {
    String variable = variableFor(server, header.name());
    String old = ambiguousVariable(server, header.name());
    String unread =
        env.containsKey(old) && !old.equals(variable)
            ? " ("
                + old
                + " is set but not read: that"
                + " name does not say which server it is for, so several servers could share it)"
            : "";
    return "Server '"
        + server
        + "' needs the header '"
        + header.name()
        + "'"
        + (header.description() == null ? "" : " (" + header.description() + ")")
        + ": set "
        + variable
        + unread
        + " or add it under headers.\""
        + server
        + "\" in "
        + file;
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
