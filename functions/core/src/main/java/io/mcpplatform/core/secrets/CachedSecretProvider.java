package io.mcpplatform.core.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Supplies one secret, read from a {@link SecretSource} at most once per lifetime. A caller that
 * finds the value rejected (an API answering "access denied") calls {@link #invalidate()} and asks
 * again, so a rotated secret is picked up at once. Thread-safe; concurrent callers share one read.
 */
public final class CachedSecretProvider {

  private record Held(String value, Instant expiresAt) {}

  private final SecretSource source;
  private final String name;
  private final Duration lifetime;
  private final Clock clock;
  private volatile Held held;

  /**
   * @param source where the secret is read
   * @param name the secret's name in the source
   * @param lifetime how long a read value is used, positive
   * @param clock the time source
   */
  public CachedSecretProvider(SecretSource source, String name, Duration lifetime, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    this.lifetime = lifetime;
  }

  /**
   * @param source where the secret is read
   * @param name the secret's name in the source
   * @param lifetime how long a read value is used, positive
   */
  public CachedSecretProvider(SecretSource source, String name, Duration lifetime) {
    this(source, name, lifetime, Clock.systemUTC());
  }

  /**
   * @return the secret, read from the source when none is held or the held one is older than the
   *     lifetime
   * @throws SecretNotFoundException when the source has no such secret
   * @throws SecretUnavailableException when the source cannot be read
   */
  public String get() {
    Held current = held;
    if (current != null && clock.instant().isBefore(current.expiresAt())) {
      return current.value();
    }
    synchronized (this) {
      current = held;
      if (current != null && clock.instant().isBefore(current.expiresAt())) {
        return current.value();
      }
      String value = source.secret(name);
      held = new Held(value, clock.instant().plus(lifetime));
      return value;
    }
  }

  /** Forgets the held value, so that the next {@link #get()} reads the source again. */
  public void invalidate() {
    held = null;
  }

  /**
   * @return the secret's name (never its value)
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "CachedSecretProvider[" + name + "]";
  }
}
