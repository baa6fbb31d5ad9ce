package io.mcpplatform.core.registry;

/**
 * A publish named a version that was published before; versions are immutable, even once deleted.
 */
public class VersionExistsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the server name
   * @param version the version
   */
  public VersionExistsException(String name, String version) {
    super(
        "Version "
            + version
            + " of server '"
            + name
            + "' was published before; versions are immutable"
            + " (even once deleted): publish a new version");
  }

  /**
   * A registration that would point a published version at another remote.
   *
   * @param name the server name
   * @param version the version
   * @param remote the remote the version was published with
   */
  public VersionExistsException(String name, String version, String remote) {
    super(
        "Version "
            + version
            + " of server '"
            + name
            + "' is published with remote "
            + remote
            + "; a published"
            + " version's remote is immutable: register a new version to change its URL or transport");
  }
}
