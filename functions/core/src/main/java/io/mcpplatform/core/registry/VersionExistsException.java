package io.mcpplatform.core.registry;

/** A publish named a version that was published before; versions are immutable, even once deleted. */
public class VersionExistsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the server name
   * @param version the version
   */
  public VersionExistsException(String name, String version) {
    super("Version " + version + " of server '" + name + "' was published before; versions are immutable"
        + " (even once deleted): publish a new version");
  }
}
