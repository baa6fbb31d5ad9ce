package io.mcpplatform.transport;

import jakarta.servlet.http.HttpServlet;

/**
 * One servlet at one path, the unit a function hands to its host (Lambda or the local server).
 *
 * @param pathSpec an exact path such as {@code /registry/mcp}, or a prefix such as {@code /v0.1/*}
 * @param servlet the servlet answering there
 */
public record Route(String pathSpec, HttpServlet servlet) {

  public Route {
    if (pathSpec == null || !pathSpec.startsWith("/")) {
      throw new IllegalArgumentException("pathSpec must start with '/': " + pathSpec);
    }
    int star = pathSpec.indexOf('*');
    if (star >= 0 && (star != pathSpec.length() - 1 || !pathSpec.endsWith("/*"))) {
      throw new IllegalArgumentException("pathSpec may only end in '/*': " + pathSpec);
    }
    if (servlet == null) {
      throw new IllegalArgumentException("servlet is required for " + pathSpec);
    }
  }

  /**
   * @return true for a prefix route ({@code /x/*})
   */
  public boolean isPrefix() {
    return pathSpec.endsWith("/*");
  }

  /**
   * @return the exact path, or for a prefix route the path before {@code /*} ("" for {@code /*})
   */
  public String base() {
    return isPrefix() ? pathSpec.substring(0, pathSpec.length() - 2) : pathSpec;
  }

  /**
   * @param path a request path, without query
   * @return true when this route serves the path
   */
  public boolean matches(String path) {
    if (!isPrefix()) {
      return pathSpec.equals(path);
    }
    String base = base();
    return path.equals(base) || path.startsWith(base + "/");
  }
}
