package io.mcpplatform.core.access;

import java.util.List;
import java.util.Objects;

/**
 * Who is calling, as a verified token says.
 *
 * @param subject the token subject
 * @param permissions what the token allows
 */
public record Caller(String subject, List<Permission> permissions) {

  public Caller {
    Objects.requireNonNull(subject, "subject");
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
  }

  /**
   * @param action {@link Permission#PUBLISH} or {@link Permission#EDIT}
   * @param name a server name
   * @throws PermissionDeniedException when no permission covers the action on the name
   */
  public void require(String action, String name) {
    for (Permission p : permissions) {
      if (p.covers(action, name)) {
        return;
      }
    }
    throw new PermissionDeniedException(
        "The token of '"
            + subject
            + "' does not allow "
            + action
            + " on '"
            + name
            + "'"
            + (name.contains("/") ? "" : " (names without a namespace need an admin token, '*')"));
  }

  /**
   * @return true when the token covers every name (resource {@code *})
   */
  public boolean isAdmin() {
    return permissions.stream().anyMatch(p -> p.resource().equals(Permission.ALL));
  }
}
