package io.mcpplatform.registry.rest;

import io.mcpplatform.core.registry.ServerNames;

/**
 * Server names on the REST face. Official names are namespaced ({@code com.example/weather}); a
 * seed-style name registered through MCP ({@code weather-api}) shows as {@value
 * #DEFAULT_NAMESPACE}{@code /weather-api}, and that REST name maps back to it. The namespace
 * {@value #DEFAULT_NAMESPACE} is reserved for this ({@link ServerNames}, the rule every edge
 * shares).
 */
public final class RestNames {

  /** The namespace seed-style names show under. */
  public static final String DEFAULT_NAMESPACE = ServerNames.DEFAULT_NAMESPACE;

  private RestNames() {}

  /**
   * @return the REST name of a catalog name
   */
  public static String toRest(String name) {
    return ServerNames.toRest(name);
  }

  /**
   * @return the catalog name of a REST name
   */
  public static String toCatalog(String restName) {
    return ServerNames.toCatalog(restName);
  }
}
