package io.mcpplatform.registry.auth;

import io.mcpplatform.core.secrets.CachedSecretProvider;
import java.nio.charset.StandardCharsets;

/**
 * The signing key held in Secrets Manager (or any {@link io.mcpplatform.core.secrets.SecretSource}), read
 * through a {@link CachedSecretProvider}: the secret's text, as UTF-8 bytes.
 */
public final class SecretSigningKey implements SigningKeyProvider {

  private record Held(String text, byte[] bytes) {}

  private final CachedSecretProvider secret;
  private volatile Held held;

  /** @param secret the cached secret holding the key text (at least 32 characters) */
  public SecretSigningKey(CachedSecretProvider secret) {
    this.secret = secret;
  }

  @Override
  public byte[] key() {
    String text = secret.get();
    Held current = held;
    if (current == null || !current.text().equals(text)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException("The signing key secret " + secret.name() + " is shorter than 32 bytes");
      }
      current = new Held(text, bytes);
      held = current;
    }
    return current.bytes();
  }

  @Override
  public void refresh() {
    secret.invalidate();
    held = null;
  }
}
