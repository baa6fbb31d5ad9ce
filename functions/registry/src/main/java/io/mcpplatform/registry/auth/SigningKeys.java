package io.mcpplatform.registry.auth;

import java.util.Objects;

/**
 * The keys in use: tokens are signed with the current one and verified with whichever of the two
 * their {@code kid} names, so tokens issued before a rotation keep working until they expire.
 *
 * @param current the key new tokens are signed with
 * @param previous the key the last rotation replaced, or null (none yet, or rotated out)
 */
public record SigningKeys(SigningKey current, SigningKey previous) {

  public SigningKeys {
    Objects.requireNonNull(current, "current");
  }

  /**
   * @param kid a token's key id
   * @return the key with that id, or null
   */
  public SigningKey byId(String kid) {
    if (current.id().equals(kid)) {
      return current;
    }
    return previous != null && previous.id().equals(kid) ? previous : null;
  }
}
