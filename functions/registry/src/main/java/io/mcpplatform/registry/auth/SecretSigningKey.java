package io.mcpplatform.registry.auth;

import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretSource;
import io.mcpplatform.core.secrets.SecretStage;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys held in Secrets Manager (or any {@link SecretSource}): the secret's current
 * version ({@code AWSCURRENT}) signs, and its previous version ({@code AWSPREVIOUS}) still
 * verifies, so rotating the secret with {@code put-secret-value} leaves every issued token valid
 * until it expires. Each value's text is the key, as UTF-8 bytes. Both versions are read at most
 * once per lifetime; a token naming an unknown key id makes them read again at most once per {@link
 * #MIN_RELOAD_INTERVAL}, so a warm process learns of a rotation at once without letting callers
 * flood Secrets Manager.
 */
public final class SecretSigningKey implements SigningKeyProvider {

  /** Shortest time between two reads caused by unknown key ids. */
  public static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(SecretSigningKey.class);

  private record Held(String currentText, String previousText, SigningKeys keys, Instant readAt) {}

  private final SecretSource source;
  private final String name;
  private final Duration lifetime;
  private final Clock clock;
  private volatile Held held;
  private Instant lastReload = Instant.MIN;

  /**
   * @param source where the secret is read
   * @param name the secret's name (an ARN on AWS)
   * @param lifetime how long read keys are used before the secret is read again
   * @param clock the time source
   */
  public SecretSigningKey(SecretSource source, String name, Duration lifetime, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.name = Objects.requireNonNull(name, "name");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SigningKeys keys() {
    Held current = held;
    if (current != null && clock.instant().isBefore(current.readAt().plus(lifetime))) {
      return current.keys();
    }
    return read();
  }

  @Override
  public SigningKeys reload() {
    Held current = held;
    Instant now = clock.instant();
    synchronized (this) {
      if (current != null && now.isBefore(lastReload.plus(MIN_RELOAD_INTERVAL))) {
        return current.keys();
      }
      lastReload = now;
    }
    return read();
  }

  @Override
  public void refresh() {
    held = null;
  }

  private synchronized SigningKeys read() {
    Held before = held;
    String currentText = source.secret(name, SecretStage.CURRENT);
    String previousText;
    try {
      previousText = source.secret(name, SecretStage.PREVIOUS);
    } catch (SecretNotFoundException e) {
      previousText = null;
    } catch (SecretUnavailableException e) {
      LOG.warn(
          "The previous signing key of {} could not be read; tokens signed with it are refused until it can",
          name);
      previousText = null;
    }
    SigningKeys keys;
    if (before != null
        && currentText.equals(before.currentText())
        && Objects.equals(previousText, before.previousText())) {
      keys = before.keys();
    } else {
      keys = new SigningKeys(key(currentText, "current"), previousKey(previousText));
    }
    held = new Held(currentText, previousText, keys, clock.instant());
    return keys;
  }

  private SigningKey previousKey(String text) {
    if (text == null) {
      return null;
    }
    try {
      return key(text, "previous");
    } catch (IllegalStateException e) {
      LOG.warn("{}; tokens signed with it are refused", e.getMessage());
      return null;
    }
  }

  private SigningKey key(String text, String which) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < SigningKey.MIN_BYTES) {
      throw new IllegalStateException(
          "The "
              + which
              + " version of the signing key secret "
              + name
              + " is shorter than "
              + SigningKey.MIN_BYTES
              + " bytes");
    }
    return new SigningKey(bytes);
  }
}
