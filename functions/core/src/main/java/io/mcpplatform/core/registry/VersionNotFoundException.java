package io.mcpplatform.core.registry;

/** The named server has no such version (or no version at all). */
public class VersionNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the server name
   * @param version the version looked for, or null when the server has no version at all
   */
  public VersionNotFoundException(String name, String version) {
    super(
        version == null
            ? "Server '" + name + "' not found"
            : "Version " + version + " of server '" + name + "' not found");
  }
}
