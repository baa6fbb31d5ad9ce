package io.mcpplatform.registry.web;

import io.mcpplatform.core.catalog.Capability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the path of one tool's input schema, {@code /servers/{name}/tools/{tool}/schema}, and finds
 * the schema in an entry. A server's name holds at most one slash, so a path reads at most two
 * ways; each segment may be percent-encoded (a tool name's own slash as {@code %2F}).
 */
final class SchemaRoute {

  /** The last segment of a schema path. */
  static final String LAST = "schema";

  private SchemaRoute() {}

  /**
   * One reading of a schema path.
   *
   * @param server the server's name
   * @param tool the tool's name
   */
  record Target(String server, String tool) {}

  /**
   * @param rest the path below {@code /servers}, such as {@code /io.github.x/maps/tools/get/schema}
   * @return the readings, a namespaced name first; empty when the path is not a schema path
   */
  static List<Target> parse(String rest) {
    if (rest == null || !rest.startsWith("/") || !rest.endsWith("/" + LAST)) {
      return List.of();
    }
    String[] segments = rest.substring(1).split("/", -1);
    int n = segments.length;
    List<Target> out = new ArrayList<>(2);
    for (int nameSegments = 2; nameSegments >= 1; nameSegments--) {
      if (n < nameSegments + 3 || !segments[nameSegments].equals("tools")) {
        continue;
      }
      String server =
          WebCatalogServlet.decode(String.join("/", Arrays.copyOfRange(segments, 0, nameSegments)));
      String tool =
          WebCatalogServlet.decode(
              String.join("/", Arrays.copyOfRange(segments, nameSegments + 1, n - 1)));
      if (server != null && tool != null && !server.isEmpty() && !tool.isEmpty()) {
        out.add(new Target(server, tool));
      }
    }
    return out;
  }

  /**
   * @param declared the server's declared capabilities
   * @param discovered the capabilities a probe found
   * @param tool the tool's name
   * @param declaredOnly true to look at the declared tools only
   * @return the tool's input schema: a discovered tool's before a declared one's (unless {@code
   *     declaredOnly}); null when no tool of that name has one
   */
  static Map<String, Object> find(
      List<Capability> declared, List<Capability> discovered, String tool, boolean declaredOnly) {
    List<List<Capability>> lists = declaredOnly ? List.of(declared) : List.of(discovered, declared);
    for (List<Capability> list : lists) {
      for (Capability c : list) {
        if (Capability.TOOL.equals(c.type()) && c.name().equals(tool) && c.inputSchema() != null) {
          return c.inputSchema();
        }
      }
    }
    return null;
  }
}
