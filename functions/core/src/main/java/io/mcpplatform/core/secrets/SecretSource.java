package io.mcpplatform.core.secrets;

/**
 * Reads secrets (API keys, signing keys) from where the platform keeps them. Implementations read the
 * current value on every call; wrap one in {@link CachedSecretProvider} to read it less often.
 */
public interface SecretSource {

  /**
   * @param name the secret's name or identifier in the store
   * @return the secret's current value, never null
   * @throws SecretNotFoundException when no such secret exists or it holds no text value
   * @throws SecretUnavailableException when the store cannot be read now (network, throttling, access)
   */
  String secret(String name);
}
