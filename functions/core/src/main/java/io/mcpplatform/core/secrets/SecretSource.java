package io.mcpplatform.core.secrets;

/**
 * Reads secrets (API keys, signing keys) from where the platform keeps them. Implementations read
 * the current value on every call; wrap one in {@link CachedSecretProvider} to read it less often.
 */
public interface SecretSource {

  /**
   * @param name the secret's name or identifier in the store
   * @return the secret's current value, never null
   * @throws SecretNotFoundException when no such secret exists or it holds no text value
   * @throws SecretUnavailableException when the store cannot be read now (network, throttling,
   *     access)
   */
  String secret(String name);

  /**
   * Reads one version of a rotated secret. Sources that keep no versions have only a current one.
   *
   * @param name the secret's name or identifier in the store
   * @param stage which version
   * @return that version's value, never null
   * @throws SecretNotFoundException when no such secret or version exists or it holds no text value
   * @throws SecretUnavailableException when the store cannot be read now (network, throttling,
   *     access)
   */
  default String secret(String name, SecretStage stage) {
    if (stage == SecretStage.CURRENT) {
      return secret(name);
    }
    throw new SecretNotFoundException("Secret \"" + name + "\" keeps no " + stage + " version.");
  }
}
