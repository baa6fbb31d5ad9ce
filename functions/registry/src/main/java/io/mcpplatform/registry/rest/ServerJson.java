package io.mcpplatform.registry.rest;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import java.time.Instant;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the official registry's {@code ServerResponse}: {@code server} (a {@code ServerDetail})
 * and {@code _meta} with the official {@value #OFFICIAL} object; this registry's own fields
 * (catalog id, tags, capabilities, and for the latest version health and discovered capabilities)
 * go under {@value #OURS}.
 */
final class ServerJson {

  /** The official registry's metadata key. */
  static final String OFFICIAL = "io.modelcontextprotocol.registry/official";

  /** This registry's metadata key. */
  static final String OURS = "io.mcpplatform/registry";

  private static final int MAX_TEXT = 100;

  private final ObjectMapper json;

  ServerJson(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param version the version to show
   * @param latest the catalog entry (the latest version, with health), nullable
   * @return the ServerResponse
   */
  ObjectNode response(ServerVersion version, ServerEntry latest) {
    boolean isLatest = latest != null && latest.version().equals(version.version());
    ServerEntry e = version.entry();
    ObjectNode out = json.createObjectNode();
    out.set("server", detail(e));
    ObjectNode meta = out.putObject("_meta");
    ObjectNode official = meta.putObject(OFFICIAL);
    official.put("status", e.status().wire());
    if (version.statusMessage() != null) {
      official.put("statusMessage", clip(version.statusMessage(), 500));
    }
    if (version.statusChangedAt() != null) {
      official.put("statusChangedAt", version.statusChangedAt().toString());
    }
    official.put("publishedAt", time(e.publishedAt()));
    official.put("updatedAt", time(e.updatedAt() != null ? e.updatedAt() : e.publishedAt()));
    official.put("isLatest", isLatest);
    ObjectNode ours = meta.putObject(OURS);
    ours.put("id", e.name());
    ours.set("tags", json.valueToTree(isLatest ? latest.tags() : e.tags()));
    // tools' input schemas stay out of this face, which lists many servers at a time: get_server
    // and the web catalog show them
    ours.set(
        "capabilities",
        json.valueToTree(
            Capability.withoutInputSchemas(isLatest ? latest.capabilities() : e.capabilities())));
    if (isLatest) {
      ours.set(
          "discoveredCapabilities",
          json.valueToTree(Capability.withoutInputSchemas(latest.discoveredCapabilities())));
      ours.set("health", json.valueToTree(latest.health()));
    }
    if (e.description() != null && e.description().length() > MAX_TEXT) {
      ours.put("description", e.description());
    }
    return out;
  }

  private ObjectNode detail(ServerEntry e) {
    ObjectNode server = json.createObjectNode();
    server.put("name", RestNames.toRest(e.name()));
    String description =
        e.description() == null || e.description().isBlank() ? e.title() : e.description();
    server.put("description", clip(description, MAX_TEXT));
    server.put("title", clip(e.title(), MAX_TEXT));
    server.put("version", e.version());
    if (e.repository() != null) {
      server.set("repository", json.valueToTree(e.repository()));
    }
    if (e.websiteUrl() != null) {
      server.put("websiteUrl", e.websiteUrl());
    }
    ArrayNode remotes = server.putArray("remotes");
    for (Remote r : e.remotes()) {
      ObjectNode remote = remotes.addObject();
      remote.put("type", r.type());
      remote.put("url", r.url());
      if (!r.headers().isEmpty()) {
        remote.set("headers", json.valueToTree(r.headers()));
      }
    }
    return server;
  }

  private static String time(Instant t) {
    return (t == null ? Instant.EPOCH : t).toString();
  }

  private static String clip(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
