package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.Arguments;
import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.RemoteHeader;
import io.mcpplatform.core.catalog.Repository;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code server.json} (the official registry's {@code ServerDetail}) sent to {@code POST
 * /v0.1/publish}, checked as the official registry checks it: name pattern and length, description
 * and title lengths, version rules (a specific version, no ranges, not {@code latest}), remotes
 * over https (http to loopback in local mode). This registry catalogs remote servers: {@code
 * packages} are refused, at least one remote is required.
 */
public final class PublishRequest {

  /** Largest accepted version string, as in the official schema. */
  public static final int MAX_VERSION = 255;

  private static final Pattern RANGE = Pattern.compile("[\\^~<>=*\\s]|\\|\\||(^|\\.)[xX](\\.|$|-)");
  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "name",
          "description",
          "title",
          "version",
          "repository",
          "websiteUrl",
          "icons",
          "packages",
          "remotes",
          "_meta");
  private static final Set<String> TRANSPORTS = Set.of(Remote.STREAMABLE_HTTP, Remote.SSE);

  private PublishRequest() {}

  /**
   * @param body the parsed JSON body
   * @param policy which remote URLs this deployment accepts
   * @return the catalog entry it describes (no bookkeeping, status active)
   * @throws io.mcpplatform.core.catalog.ValidationException naming every bad field
   */
  public static ServerEntry toEntry(Map<String, Object> body, UrlPolicy policy) {
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(body, checks);
    for (String key : body.keySet()) {
      if (!KNOWN.contains(key)) {
        checks.fail(key, "is not a server.json field");
      }
    }
    String name = arguments.string("name");
    if (checks.text("name", name, true, 3, 200)) {
      if (checks.matches(
          "name",
          name,
          RegistrationRequest.NAMESPACED_ID,
          "a reverse-DNS namespace, one '/', and a name, such as com.example/weather")) {
        ServerNames.checkSegments(checks, "name", name);
      }
    }
    String description = arguments.string("description");
    checks.text("description", description, true, 1, 100);
    String title = arguments.string("title");
    checks.text("title", title, false, 1, 100);
    String version = arguments.string("version");
    version(checks, version);
    String websiteUrl = arguments.string("websiteUrl");
    if (websiteUrl != null) {
      checks.remoteUrl("websiteUrl", websiteUrl, UrlPolicy.HTTPS_ONLY);
    }
    Repository repository = repository(checks, body.get("repository"));
    Object packages = body.get("packages");
    if (packages instanceof List<?> list && !list.isEmpty()) {
      checks.fail(
          "packages",
          "are not supported by this registry, which catalogs remote servers: publish"
              + " remotes instead");
    } else if (packages != null && !(packages instanceof List<?>)) {
      checks.fail("packages", "must be an array");
    }
    List<Remote> remotes = remotes(checks, body.get("remotes"), policy);
    checks.throwIfAny();
    String shownTitle = title != null ? title.strip() : name.substring(name.indexOf('/') + 1);
    return ServerEntry.builder(name, shownTitle, version)
        .description(description.strip())
        .remotes(remotes)
        .repository(repository)
        .websiteUrl(websiteUrl)
        .build();
  }

  /** Checks a version string by the official rules; adds problems to {@code checks}. */
  static void version(FieldChecks checks, String version) {
    if (!checks.text("version", version, true, 1, MAX_VERSION)) {
      return;
    }
    if ("latest".equalsIgnoreCase(version)) {
      checks.fail("version", "must be a specific version, not 'latest'");
    } else if (RANGE.matcher(version).find()) {
      checks.fail("version", "must be a specific version such as 1.2.0, not a range or wildcard");
    }
  }

  private static Repository repository(FieldChecks checks, Object raw) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      checks.fail("repository", "must be an object with url and source");
      return null;
    }
    String url = map.get("url") instanceof String s ? s : null;
    String source = map.get("source") instanceof String s ? s : null;
    boolean ok = checks.remoteUrl("repository.url", url, UrlPolicy.HTTPS_ONLY);
    ok &= checks.text("repository.source", source, true, 1, 100);
    String id = map.get("id") instanceof String s ? s : null;
    String subfolder = map.get("subfolder") instanceof String s ? s : null;
    return ok ? new Repository(url, source, id, subfolder) : null;
  }

  private static List<Remote> remotes(FieldChecks checks, Object raw, UrlPolicy policy) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      checks.fail(
          "remotes",
          "must hold at least one remote ({\"type\": \"streamable-http\", \"url\": ...})");
      return List.of();
    }
    if (list.size() > 16) {
      checks.fail("remotes", "must hold at most 16 remotes");
      return List.of();
    }
    List<Remote> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "remotes[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        checks.fail(field, "must be an object with type and url");
        continue;
      }
      String type = map.get("type") instanceof String s ? s : null;
      String url = map.get("url") instanceof String s ? s : null;
      boolean ok = true;
      if (type == null || !TRANSPORTS.contains(type)) {
        checks.fail(field + ".type", "must be 'streamable-http' or 'sse'");
        ok = false;
      }
      ok &= checks.remoteUrl(field + ".url", url, policy);
      List<RemoteHeader> headers = headers(checks, field, map.get("headers"));
      if (ok) {
        out.add(new Remote(type, url, headers));
      }
    }
    return out;
  }

  private static List<RemoteHeader> headers(FieldChecks checks, String field, Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list) || list.size() > 32) {
      checks.fail(field + ".headers", "must be an array of at most 32 objects with a name");
      return List.of();
    }
    List<RemoteHeader> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String f = field + ".headers[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
        checks.fail(f, "must be an object with a name");
        continue;
      }
      String description = map.get("description") instanceof String s ? s : null;
      if (checks.text(f + ".name", name, true, 1, 200)
          && checks.text(f + ".description", description, false, 0, 1000)) {
        out.add(
            new RemoteHeader(
                name,
                description,
                map.get("isRequired") instanceof Boolean b ? b : null,
                map.get("isSecret") instanceof Boolean b ? b : null));
      }
    }
    return out;
  }
}
