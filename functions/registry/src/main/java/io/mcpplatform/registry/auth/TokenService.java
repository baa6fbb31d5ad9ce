package io.mcpplatform.registry.auth;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.Permission;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Issues and verifies the registry's bearer tokens: JWS compact tokens (nimbus-jose-jwt) signed
 * with HMAC-SHA256 (HS256) under the current key of a {@link SigningKeyProvider}, naming it in the
 * {@code kid} header; issuer {@value #ISSUER}, short-lived, carrying the official registry's {@code
 * permissions} claim.
 *
 * <p>Verification accepts HS256 alone ({@code none} and every other algorithm are refused before
 * any key is used), refuses {@code crit} headers, and checks the signature with the key the {@code
 * kid} names: the current key or the one the last rotation replaced; a key two rotations old is
 * gone, and so are its tokens. A token without {@code kid} (issued before tokens carried one) is
 * checked against the current key only, so it never outlives a rotation. Then issuer, expiry and
 * the lifetime cap: a token whose {@code exp} lies further ahead than the cap, or whose {@code exp
 * - iat} exceeds it, is refused, whoever signed it. Every malformed claim is a refusal naming the
 * claim, never an internal error.
 */
public final class TokenService {

  /** The {@code iss} of every token. */
  public static final String ISSUER = "mcp-platform-registry";

  /** Default token lifetime. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

  /** Longest lifetime {@link #issue} accepts, and the default cap at verification. */
  public static final Duration MAX_TTL = Duration.ofDays(1);

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  private static final int MAX_TOKEN_LENGTH = 8192;
  private static final String ALGORITHM_REFUSED =
      "The bearer token's algorithm is not accepted (only HS256 is)";

  /** 9999-12-31T23:59:59Z: past it a NumericDate is nonsense, whatever its sign. */
  private static final long MAX_NUMERIC_DATE = 253_402_300_799L;

  private final SigningKeyProvider keys;
  private final Clock clock;
  private final Duration maxLifetime;

  /**
   * @param keys the signing keys
   * @param clock time source for issue and expiry
   * @param maxLifetime the longest lifetime a token may have, 1 second to {@link #MAX_TTL}
   */
  public TokenService(SigningKeyProvider keys, Clock clock, Duration maxLifetime) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxLifetime.compareTo(Duration.ofSeconds(1)) < 0 || maxLifetime.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException(
          "maxLifetime must be between 1 second and " + MAX_TTL.toHours() + " hours");
    }
    this.maxLifetime = maxLifetime;
  }

  /**
   * @param keys the signing keys
   * @param clock time source for issue and expiry; lifetimes capped at {@link #MAX_TTL}
   */
  public TokenService(SigningKeyProvider keys, Clock clock) {
    this(keys, clock, MAX_TTL);
  }

  /**
   * @return the longest lifetime a token may have here
   */
  public Duration maxLifetime() {
    return maxLifetime;
  }

  /**
   * @param subject who the token is for
   * @param permissions what it allows
   * @param ttl its lifetime, 1 second to {@link #maxLifetime()}
   * @return the signed token
   */
  public String issue(String subject, List<Permission> permissions, Duration ttl) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject is required");
    }
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(maxLifetime) > 0) {
      throw new IllegalArgumentException(
          "ttl must be between 1 second and " + maxLifetime.toMinutes() + " minutes");
    }
    SigningKey key = keys.keys().current();
    long now = clock.instant().getEpochSecond();
    List<Map<String, Object>> granted = new ArrayList<>();
    for (Permission p : permissions) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("action", p.action());
      one.put("resource", p.resource());
      granted.add(one);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("iat", now);
    claims.put("exp", now + ttl.toSeconds());
    claims.put("permissions", granted);
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.id())
                .build(),
            new Payload(claims));
    try {
      jws.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("The token could not be signed", e);
    }
    return jws.serialize();
  }

  /**
   * @param token a compact JWT
   * @return the caller it names
   * @throws AuthenticationException when the token is malformed, not HS256, signed by an unknown or
   *     retired key, tampered, expired, not yet valid, longer-lived than the cap, or from another
   *     issuer
   */
  public Caller verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new AuthenticationException("The bearer token is missing or too long");
    }
    JWSObject jws = parse(token);
    JWSHeader header = jws.getHeader();
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw new AuthenticationException(
          "The bearer token has critical header parameters this registry does not" + " understand");
    }
    SigningKey key = keyFor(header.getKeyID());
    boolean verified;
    try {
      verified = jws.verify(key.verifier());
    } catch (JOSEException e) {
      verified = false;
    }
    if (!verified) {
      throw new AuthenticationException("The bearer token's signature does not verify");
    }
    Map<String, Object> claims = jws.getPayload().toJSONObject();
    if (claims == null) {
      throw new AuthenticationException("The bearer token's payload is not a JSON object");
    }
    if (!ISSUER.equals(claims.get("iss"))) {
      throw new AuthenticationException("The bearer token was not issued by this registry");
    }
    checkTimes(claims);
    Object subject = claims.get("sub");
    if (!(subject instanceof String s) || s.isBlank()) {
      throw new AuthenticationException("The bearer token names no subject");
    }
    return new Caller(s, permissions(claims.get("permissions")));
  }

  /**
   * @param authorization the value of an {@code Authorization} header, nullable
   * @return the caller its bearer token names
   * @throws AuthenticationException when there is no bearer token or it does not verify
   */
  public Caller verifyAuthorization(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException(
          "A bearer token is required for this operation (Authorization: Bearer" + " <token>)");
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthenticationException("The Authorization header must be 'Bearer <token>'");
    }
    return verify(value.substring(7).strip());
  }

  private static JWSObject parse(String token) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new AuthenticationException(whyNotJws(token));
    }
    if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())) {
      throw new AuthenticationException(ALGORITHM_REFUSED);
    }
    if (jws.getSignature() == null || jws.getSignature().toString().isEmpty()) {
      throw new AuthenticationException("The bearer token carries no signature");
    }
    return jws;
  }

  /**
   * @return why a token is not a JWS, read from its header alone (an {@code alg: none} token is no
   *     JWS)
   */
  private static String whyNotJws(String token) {
    int dot = token.indexOf('.');
    Header header;
    try {
      header = dot <= 0 ? null : Header.parse(new Base64URL(token.substring(0, dot)));
    } catch (ParseException | RuntimeException e) {
      header = null;
    }
    if (header == null) {
      return "The bearer token is not a signed JWT (header.payload.signature with a JSON header naming 'alg')";
    }
    return header instanceof JWSHeader
        ? "The bearer token is not a signed JWT (header.payload.signature)"
        : ALGORITHM_REFUSED;
  }

  private SigningKey keyFor(String kid) {
    SigningKeys known = keys.keys();
    if (kid == null) {
      return known.current();
    }
    SigningKey key = known.byId(kid);
    if (key == null) {
      key = keys.reload().byId(kid);
    }
    if (key == null) {
      throw new AuthenticationException(
          "The bearer token was signed with a key this registry no longer accepts"
              + " (kid '"
              + shorten(kid)
              + "'); ask for a new token");
    }
    return key;
  }

  private void checkTimes(Map<String, Object> claims) {
    long now = clock.instant().getEpochSecond();
    Long exp = numericDate(claims, "exp");
    if (exp == null) {
      throw new AuthenticationException("The bearer token has no expiry ('exp')");
    }
    if (exp <= now) {
      throw new AuthenticationException("The bearer token has expired; ask for a new one");
    }
    Long iat = numericDate(claims, "iat");
    Long nbf = numericDate(claims, "nbf");
    long skew = CLOCK_SKEW.toSeconds();
    if ((nbf != null && nbf > now + skew) || (iat != null && iat > now + skew)) {
      throw new AuthenticationException("The bearer token is not valid yet");
    }
    long cap = maxLifetime.toSeconds();
    if (exp - now > cap + skew || (iat != null && exp - iat > cap + skew)) {
      throw new AuthenticationException(
          "The bearer token lives longer than the "
              + describe(maxLifetime)
              + " this registry accepts ('exp' too far ahead); ask for a new one");
    }
  }

  /**
   * @return the claim as whole seconds since 1970, null when absent; refuses every other shape
   */
  private static Long numericDate(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    if (value == null && !claims.containsKey(name)) {
      return null;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d) && d >= 0 && d <= MAX_NUMERIC_DATE) {
        return n.longValue();
      }
    }
    throw new AuthenticationException(
        "The bearer token's '"
            + name
            + "' claim must be a whole number of seconds"
            + " since 1970 (0 to "
            + MAX_NUMERIC_DATE
            + ")");
  }

  private static List<Permission> permissions(Object node) {
    List<Permission> out = new ArrayList<>();
    if (!(node instanceof List<?> list)) {
      return out;
    }
    for (Object p : list) {
      if (!(p instanceof Map<?, ?> m)
          || !(m.get("action") instanceof String action)
          || !(m.get("resource") instanceof String resource)) {
        throw new AuthenticationException("The bearer token carries a malformed permission");
      }
      try {
        out.add(new Permission(action, resource));
      } catch (IllegalArgumentException e) {
        throw new AuthenticationException("The bearer token carries a malformed permission");
      }
    }
    return out;
  }

  private static String describe(Duration d) {
    return d.toSeconds() % 3600 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
  }

  private static String shorten(String kid) {
    String printable = kid.replaceAll("[^A-Za-z0-9_-]", "?");
    return printable.length() > 24 ? printable.substring(0, 24) + "..." : printable;
  }
}
