package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.Arguments;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The seed's {@code register_server} arguments, checked field by field. Field names in messages are
 * the argument names a caller sent ({@code server_id}, {@code name}, {@code url}, ...).
 *
 * @param serverId unique id ({@code server_id})
 * @param name human-readable name
 * @param description what the server offers, nullable
 * @param url endpoint URL
 * @param transport {@code streamable-http} (default) or {@code sse}
 * @param capabilities declared tools and resources; a tool may carry its input schema ({@code
 *     inputSchema}, within the bounds of {@link InputSchemas})
 * @param tags categorization tags
 * @param version server version, default {@code 1.0.0}
 */
public record RegistrationRequest(
    String serverId,
    String name,
    String description,
    String url,
    String transport,
    List<Capability> capabilities,
    List<String> tags,
    String version) {

  /** Seed id rule: letters, digits, '-' and '_', 1 to 64 characters. */
  public static final Pattern SEED_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  /** Official registry name rule: reverse-DNS namespace, a slash, a name; 3 to 200 characters. */
  public static final Pattern NAMESPACED_ID = Pattern.compile("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$");

  private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._:-]*$");
  private static final Pattern VERSION = Pattern.compile("^\\S+$");
  private static final Set<String> CAPABILITY_TYPES = Set.of("tool", "resource", "prompt");
  private static final Set<String> TRANSPORTS = Set.of(Remote.STREAMABLE_HTTP, Remote.SSE);
  private static final Set<String> CAPABILITY_FIELDS =
      Set.of("name", "type", "description", "inputSchema");

  public static final int MAX_DESCRIPTION = 2000;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG_LENGTH = 40;
  public static final int MAX_CAPABILITIES = 128;
  public static final int MAX_CAPABILITY_NAME = 128;
  public static final int MAX_CAPABILITY_DESCRIPTION = 1000;
  private static final Set<String> KNOWN_ARGUMENTS =
      Set.of(
          "server_id",
          "name",
          "description",
          "url",
          "transport",
          "capabilities",
          "tags",
          "version");

  /**
   * Reads and checks tool arguments.
   *
   * @param args the JSON arguments of a {@code register_server} call
   * @param policy which URLs this deployment accepts
   * @return a request whose every field passed its rules, tags de-duplicated
   * @throws io.mcpplatform.core.catalog.ValidationException naming every bad field
   */
  public static RegistrationRequest fromArguments(Map<String, Object> args, UrlPolicy policy) {
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(args, checks);
    for (String key : args.keySet()) {
      if (!KNOWN_ARGUMENTS.contains(key)) {
        checks.fail(
            key,
            "is not a register_server argument (known: server_id, name, description, url,"
                + " transport, capabilities, tags, version)");
      }
    }
    String serverId = arguments.string("server_id");
    if (checks.text("server_id", serverId, true, 1, 200)
        && serverId != null
        && !SEED_ID.matcher(serverId).matches()
        && !(NAMESPACED_ID.matcher(serverId).matches() && serverId.length() >= 3)) {
      checks.fail(
          "server_id",
          "must be 1 to 64 letters, digits, '-' or '_' (such as weather-api),"
              + " or a namespaced name such as com.example/weather");
    } else {
      ServerNames.checkCatalogName(checks, "server_id", serverId);
    }
    String name = arguments.string("name");
    checks.text("name", name, true, 1, 128);
    String description = arguments.string("description");
    checks.text("description", description, false, 0, MAX_DESCRIPTION);
    String url = arguments.string("url");
    checks.remoteUrl("url", url, policy);
    String transport = arguments.string("transport");
    if (transport != null && !TRANSPORTS.contains(transport)) {
      checks.fail("transport", "must be 'streamable-http' or 'sse'");
    }
    String version = arguments.string("version");
    if (checks.text("version", version, false, 1, 64)) {
      checks.matches("version", version, VERSION, "a version without spaces, such as 1.2.0");
      if ("latest".equalsIgnoreCase(version)) {
        checks.fail("version", "must be a specific version, not 'latest'");
      }
    }
    List<String> tags = tags(checks, args.get("tags"));
    List<Capability> capabilities = capabilities(checks, args.get("capabilities"));
    checks.throwIfAny();
    return new RegistrationRequest(
        serverId,
        name.strip(),
        description == null ? null : description.strip(),
        url,
        transport == null ? Remote.STREAMABLE_HTTP : transport,
        capabilities,
        tags,
        version == null ? "1.0.0" : version);
  }

  /**
   * Builds the catalog entry this registration describes, keeping what the registry owns (health,
   * discovered capabilities, timestamps) from the existing entry.
   *
   * @param existing the stored entry, or null for a new one
   * @return the entry to save
   */
  public ServerEntry toEntry(ServerEntry existing) {
    ServerEntry base =
        ServerEntry.builder(serverId, name, version)
            .description(description)
            .remotes(
                List.of(
                    new Remote(transport, url, existing == null ? List.of() : headersOf(existing))))
            .repository(existing == null ? null : existing.repository())
            .websiteUrl(existing == null ? null : existing.websiteUrl())
            .tags(tags)
            .capabilities(capabilities)
            .build();
    if (existing == null) {
      return base;
    }
    return base.withHealth(existing.health())
        .withDiscoveredCapabilities(existing.discoveredCapabilities())
        .withBookkeeping(existing.publishedAt(), existing.updatedAt(), existing.revision());
  }

  private static List<io.mcpplatform.core.catalog.RemoteHeader> headersOf(ServerEntry existing) {
    return existing.remotes().isEmpty() ? List.of() : existing.remotes().get(0).headers();
  }

  private static List<String> tags(FieldChecks checks, Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      checks.fail("tags", "must be an array of strings");
      return List.of();
    }
    if (list.size() > MAX_TAGS) {
      checks.fail("tags", "must hold at most " + MAX_TAGS + " tags (got " + list.size() + ")");
      return List.of();
    }
    Map<String, String> unique = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "tags[" + i + "]";
      if (!(list.get(i) instanceof String tag)) {
        checks.fail(field, "must be a string");
        continue;
      }
      String t = tag.strip();
      if (checks.text(field, t, true, 1, MAX_TAG_LENGTH)) {
        if (checks.matches(
            field,
            t,
            TAG,
            "letters, digits, spaces, '.', '_', ':' or '-', starting with a"
                + " letter or digit")) {
          unique.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        }
      }
    }
    return List.copyOf(unique.values());
  }

  private static List<Capability> capabilities(FieldChecks checks, Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      checks.fail("capabilities", "must be an array of objects with name, type and description");
      return List.of();
    }
    if (list.size() > MAX_CAPABILITIES) {
      checks.fail(
          "capabilities",
          "must hold at most " + MAX_CAPABILITIES + " items (got " + list.size() + ")");
      return List.of();
    }
    List<Capability> out = new ArrayList<>();
    int schemaBytes = 0;
    for (int i = 0; i < list.size(); i++) {
      String field = "capabilities[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        checks.fail(field, "must be an object with name, type and description");
        continue;
      }
      Object rawName = map.get("name");
      Object rawType = map.get("type");
      Object rawDescription = map.get("description");
      for (Object key : map.keySet()) {
        if (!CAPABILITY_FIELDS.contains(String.valueOf(key))) {
          checks.fail(
              field + "." + key,
              "is not a capability field (known: name, type, description, inputSchema)");
        }
      }
      boolean ok = true;
      if (rawName != null && !(rawName instanceof String)) {
        checks.fail(field + ".name", "must be a string");
        ok = false;
      } else {
        ok &= checks.text(field + ".name", (String) rawName, true, 1, MAX_CAPABILITY_NAME);
      }
      String type = "tool";
      if (rawType != null) {
        if (!(rawType instanceof String s) || !CAPABILITY_TYPES.contains(s)) {
          checks.fail(field + ".type", "must be 'tool', 'resource' or 'prompt'");
          ok = false;
        } else {
          type = s;
        }
      }
      if (rawDescription != null && !(rawDescription instanceof String)) {
        checks.fail(field + ".description", "must be a string");
        ok = false;
      } else {
        ok &=
            checks.text(
                field + ".description",
                (String) rawDescription,
                false,
                0,
                MAX_CAPABILITY_DESCRIPTION);
      }
      Map<String, Object> schema = null;
      if (map.get("inputSchema") != null) {
        InputSchemas.Checked checked = InputSchemas.check(map.get("inputSchema"));
        if (!checked.ok()) {
          checks.fail(field + ".inputSchema", checked.problem());
          ok = false;
        } else if (!Capability.TOOL.equals(type)) {
          checks.fail(field + ".inputSchema", "belongs to tools only (this one is a " + type + ")");
          ok = false;
        } else {
          schema = checked.schema();
          schemaBytes += checked.bytes();
        }
      }
      if (ok) {
        out.add(new Capability(((String) rawName).strip(), type, (String) rawDescription, schema));
      }
    }
    if (schemaBytes > InputSchemas.MAX_TOTAL_BYTES) {
      checks.fail(
          "capabilities",
          "must carry input schemas of at most "
              + InputSchemas.MAX_TOTAL_BYTES
              + " bytes together as compact JSON (got "
              + schemaBytes
              + ")");
    }
    return out;
  }
}
