package io.mcpplatform.registry.auth;

/** Supplies the current HMAC key the registry signs and verifies its tokens with. */
public interface SigningKeyProvider {

  /**
   * @return the key bytes, at least 32; the same array while the key is unchanged
   * @throws io.mcpplatform.core.secrets.SecretUnavailableException when the key cannot be read now
   */
  byte[] key();

  /** Forgets any key held in memory, so that the next {@link #key()} reads it again (after a SnapStart restore). */
  default void refresh() {
  }
}
