package io.mcpplatform.core.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One permission a token carries, as in the official registry: an action on a resource pattern. The
 * pattern is a server name, a namespace followed by {@code /*} ({@code com.example/*}: every name
 * in it), or {@code *} (every name, seed-style names without a namespace included: an admin).
 *
 * @param action {@link #PUBLISH} or {@link #EDIT}
 * @param resource the name pattern
 */
public record Permission(
    @JsonProperty("action") String action, @JsonProperty("resource") String resource) {

  /** Publishing new versions and registering servers. */
  public static final String PUBLISH = "publish";

  /** Changing the status of published versions. */
  public static final String EDIT = "edit";

  /** The resource pattern that covers every name. */
  public static final String ALL = "*";

  private static final Pattern RESOURCE =
      Pattern.compile(
          "^(\\*|[a-zA-Z0-9.-]+/\\*|[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+|[a-zA-Z0-9_-]{1,64})$");

  public Permission {
    if (!PUBLISH.equals(action) && !EDIT.equals(action)) {
      throw new IllegalArgumentException("action must be 'publish' or 'edit'");
    }
    if (resource == null || resource.length() > 200 || !RESOURCE.matcher(resource).matches()) {
      throw new IllegalArgumentException(
          "resource must be '*', a namespace such as 'com.example/*', or a" + " server name");
    }
  }

  /**
   * @param namespace {@code *}, {@code com.example/*} or a server name
   * @return publish and edit on it
   * @throws IllegalArgumentException when the pattern is malformed
   */
  public static List<Permission> publishAndEdit(String namespace) {
    return List.of(new Permission(PUBLISH, namespace), new Permission(EDIT, namespace));
  }

  /**
   * @param wanted the action wanted
   * @param name a server name, namespaced or seed-style
   * @return true when this permission allows the action on the name
   */
  public boolean covers(String wanted, String name) {
    if (!action.equals(wanted)) {
      return false;
    }
    if (resource.equals(ALL)) {
      return true;
    }
    if (resource.endsWith("/*")) {
      return name.startsWith(resource.substring(0, resource.length() - 1));
    }
    return resource.equals(name);
  }
}
