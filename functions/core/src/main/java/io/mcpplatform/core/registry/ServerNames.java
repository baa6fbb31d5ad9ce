package io.mcpplatform.core.registry;

import io.mcpplatform.core.catalog.FieldChecks;

/**
 * The naming rules every edge shares. Catalog names are seed-style ({@code weather-api}) or
 * namespaced ({@code com.example/weather}). The namespace {@value #DEFAULT_NAMESPACE} is reserved:
 * the REST face spells a seed-style name {@code default/weather-api}, so no catalog name may lie in
 * it. No segment of a name may be {@code .} or {@code ..}, which raw paths would read as directory
 * steps.
 */
public final class ServerNames {

  /** The namespace seed-style names show under on the REST face. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final String PREFIX = DEFAULT_NAMESPACE + "/";

  private ServerNames() {}

  /**
   * @return the REST name of a catalog name
   */
  public static String toRest(String name) {
    return name.indexOf('/') >= 0 ? name : PREFIX + name;
  }

  /**
   * @return the catalog name of a REST name ({@code default/x} is {@code x})
   */
  public static String toCatalog(String restName) {
    return restName.startsWith(PREFIX) && restName.length() > PREFIX.length()
        ? restName.substring(PREFIX.length())
        : restName;
  }

  /**
   * Adds a problem when a catalog name lies in the reserved namespace or has a {@code .} or {@code
   * ..} segment.
   *
   * @param checks where the problem goes
   * @param field the field as the caller spelled it
   * @param name a name that passed its pattern, or null (then nothing is checked)
   * @return true when the name passed
   */
  public static boolean checkCatalogName(FieldChecks checks, String field, String name) {
    if (name == null) {
      return true;
    }
    if (!checkSegments(checks, field, name)) {
      return false;
    }
    if (name.startsWith(PREFIX)) {
      checks.fail(
          field,
          "must not be in the reserved '"
              + DEFAULT_NAMESPACE
              + "' namespace (the REST face shows"
              + " seed-style names such as weather-api as "
              + PREFIX
              + "weather-api)");
      return false;
    }
    return true;
  }

  /**
   * Adds a problem when a name has a {@code .} or {@code ..} segment.
   *
   * @return true when the name passed
   */
  public static boolean checkSegments(FieldChecks checks, String field, String name) {
    for (String segment : name == null ? new String[0] : name.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        checks.fail(field, "must not have a '.' or '..' segment");
        return false;
      }
    }
    return true;
  }
}
