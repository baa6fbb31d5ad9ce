package io.mcpplatform.maps;

import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uses the keyed geocoder (Google) while the key secret holds a value, and the keyless one
 * (offline) while it does not: the stack creates the secret empty, and the owner sets the key
 * later. An empty or missing secret is remembered for the key's cache lifetime, so Secrets Manager
 * is not asked on every request, and a key put into the secret is picked up within that lifetime
 * without a redeploy. Answers given without the key say so in their note. When the secret cannot be
 * read (throttling, network), the keyed geocoder is asked anyway and reports or falls back as it
 * does for any transient failure.
 */
final class KeyGatedGeocoder implements Geocoder {

  private static final Logger LOG = LoggerFactory.getLogger(KeyGatedGeocoder.class);

  private final CachedSecretProvider key;
  private final Geocoder keyed;
  private final Geocoder keyless;
  private final Duration recheck;
  private final Clock clock;
  private volatile Instant noKeyUntil = Instant.MIN;
  private volatile boolean reportedNoKey;

  /**
   * @param key supplies the key
   * @param keyed the geocoder that needs the key
   * @param keyless the geocoder used while there is no key
   * @param recheck how long an empty secret is believed before it is read again
   * @param clock the time source
   */
  KeyGatedGeocoder(
      CachedSecretProvider key, Geocoder keyed, Geocoder keyless, Duration recheck, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.keyed = Objects.requireNonNull(keyed, "keyed");
    this.keyless = Objects.requireNonNull(keyless, "keyless");
    this.recheck = Objects.requireNonNull(recheck, "recheck");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Forgets the key and any belief that there is none, so that the next question reads the secret
   * again.
   */
  void forgetKey() {
    key.invalidate();
    noKeyUntil = Instant.MIN;
  }

  @Override
  public GeocodeResult geocode(String query, String language) {
    return hasKey()
        ? keyed.geocode(query, language)
        : withoutKey(() -> keyless.geocode(query, language));
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    return hasKey()
        ? keyed.reverse(latitude, longitude, language)
        : withoutKey(() -> keyless.reverse(latitude, longitude, language));
  }

  private GeocodeResult withoutKey(Supplier<GeocodeResult> call) {
    GeocodeResult result = call.get();
    String why =
        "No Google Maps API key is set (secret \""
            + key.name()
            + "\" is empty or missing); this answer comes from "
            + "the offline gazetteer.";
    return result.withNote(result.note() == null ? why : why + " " + result.note());
  }

  private boolean hasKey() {
    if (clock.instant().isBefore(noKeyUntil)) {
      return false;
    }
    try {
      key.get();
      if (reportedNoKey) {
        reportedNoKey = false;
        LOG.info(
            "Google Maps API key found in secret {}; answering with Google Geocoding", key.name());
      }
      return true;
    } catch (SecretNotFoundException e) {
      noKeyUntil = clock.instant().plus(recheck);
      if (!reportedNoKey) {
        reportedNoKey = true;
        LOG.warn(
            "Secret {} holds no Google Maps API key; answering from the offline gazetteer (set the key with "
                + "aws secretsmanager put-secret-value; it is picked up within {} s)",
            key.name(),
            recheck.toSeconds());
      }
      return false;
    } catch (SecretUnavailableException e) {
      return true;
    }
  }
}
