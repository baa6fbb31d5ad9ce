package io.mcpplatform.registry.auth;

/**
 * Supplies the keys the registry signs and verifies its tokens with: the current one and the one
 * the last rotation replaced.
 */
public interface SigningKeyProvider {

  /**
   * @return the keys in use, possibly held in memory for a while
   * @throws io.mcpplatform.core.secrets.SecretUnavailableException when the keys cannot be read now
   * @throws IllegalStateException when the stored current key is unusable (shorter than 32 bytes)
   */
  SigningKeys keys();

  /**
   * Reads the keys again when a token names a key id that {@link #keys()} does not know: this
   * process may not have seen a rotation yet. Implementations bound how often this reaches the
   * store, since any caller can send an unknown id.
   *
   * @return the keys in use, freshly read when allowed
   */
  default SigningKeys reload() {
    return keys();
  }

  /**
   * Forgets any key held in memory, so that the next {@link #keys()} reads them again (after a
   * SnapStart restore).
   */
  default void refresh() {}

  /**
   * @param key one key, never rotated (tests, benchmarks)
   * @return a provider of that key alone
   */
  static SigningKeyProvider fixed(byte[] key) {
    SigningKeys keys = new SigningKeys(new SigningKey(key), null);
    return () -> keys;
  }
}
