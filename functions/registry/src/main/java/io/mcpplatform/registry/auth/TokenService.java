package io.mcpplatform.registry.auth;

import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.Permission;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues and verifies the registry's bearer tokens: JWTs signed with HMAC-SHA256 (HS256) under a key
 * from a {@link SigningKeyProvider}, issuer {@value #ISSUER}, short-lived, carrying the official
 * registry's {@code permissions} claim. Verification accepts nothing but HS256 ({@code none} and every
 * other algorithm are refused), compares signatures in constant time, and checks issuer and expiry.
 */
public final class TokenService {

  /** The {@code iss} of every token. */
  public static final String ISSUER = "mcp-platform-registry";
  /** Default token lifetime. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
  /** Longest lifetime {@link #issue} accepts. */
  public static final Duration MAX_TTL = Duration.ofDays(1);
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  private static final int MAX_TOKEN_LENGTH = 8192;
  private static final String HEADER = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final SigningKeyProvider keys;
  private final Clock clock;
  private final ThreadLocal<KeyedMac> macs = new ThreadLocal<>();

  private record KeyedMac(byte[] key, Mac mac) {}

  /**
   * @param keys the signing key
   * @param clock time source for issue and expiry
   */
  public TokenService(SigningKeyProvider keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param subject who the token is for
   * @param permissions what it allows
   * @param ttl its lifetime, 1 second to {@link #MAX_TTL}
   * @return the signed token
   */
  public String issue(String subject, List<Permission> permissions, Duration ttl) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject is required");
    }
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be between 1 second and " + MAX_TTL.toHours() + " hours");
    }
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("iat", now);
    claims.put("exp", now + ttl.toSeconds());
    claims.put("permissions", permissions);
    String signingInput = HEADER + "." + base64(JSON.writeValueAsBytes(claims));
    return signingInput + "." + base64(sign(signingInput));
  }

  /**
   * @param token a compact JWT
   * @return the caller it names
   * @throws AuthenticationException when the token is malformed, not HS256, tampered, expired, not yet
   *     valid, or from another issuer
   */
  public Caller verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new AuthenticationException("The bearer token is missing or too long");
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first <= 0 || second < 0 || second == first + 1 || token.indexOf('.', second + 1) >= 0
        || second == token.length() - 1) {
      throw new AuthenticationException("The bearer token is not a signed JWT (header.payload.signature)");
    }
    JsonNode header = decodeJson(token.substring(0, first), "header");
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isString() || !"HS256".equals(alg.asString())) {
      throw new AuthenticationException("The bearer token's algorithm is not accepted (only HS256 is)");
    }
    if (header.has("crit")) {
      throw new AuthenticationException("The bearer token has critical header parameters this registry does not"
          + " understand");
    }
    byte[] signature = decode(token.substring(second + 1), "signature");
    byte[] expected = sign(token.substring(0, second));
    if (!MessageDigest.isEqual(signature, expected)) {
      throw new AuthenticationException("The bearer token's signature does not verify");
    }
    JsonNode claims = decodeJson(token.substring(first + 1, second), "payload");
    if (!ISSUER.equals(text(claims, "iss"))) {
      throw new AuthenticationException("The bearer token was not issued by this registry");
    }
    long now = clock.instant().getEpochSecond();
    JsonNode exp = claims.get("exp");
    if (exp == null || !exp.isNumber()) {
      throw new AuthenticationException("The bearer token has no expiry");
    }
    if (exp.asLong() <= now) {
      throw new AuthenticationException("The bearer token has expired; ask for a new one");
    }
    JsonNode nbf = claims.get("nbf");
    JsonNode iat = claims.get("iat");
    if ((nbf != null && (!nbf.isNumber() || nbf.asLong() > now + CLOCK_SKEW.toSeconds()))
        || (iat != null && (!iat.isNumber() || iat.asLong() > now + CLOCK_SKEW.toSeconds()))) {
      throw new AuthenticationException("The bearer token is not valid yet");
    }
    String subject = text(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new AuthenticationException("The bearer token names no subject");
    }
    return new Caller(subject, permissions(claims.get("permissions")));
  }

  /**
   * @param authorization the value of an {@code Authorization} header, nullable
   * @return the caller its bearer token names
   * @throws AuthenticationException when there is no bearer token or it does not verify
   */
  public Caller verifyAuthorization(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException("A bearer token is required for this operation (Authorization: Bearer"
          + " <token>)");
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthenticationException("The Authorization header must be 'Bearer <token>'");
    }
    return verify(value.substring(7).strip());
  }

  private static List<Permission> permissions(JsonNode node) {
    List<Permission> out = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return out;
    }
    for (JsonNode p : node) {
      try {
        out.add(new Permission(text(p, "action"), text(p, "resource")));
      } catch (IllegalArgumentException e) {
        throw new AuthenticationException("The bearer token carries a malformed permission");
      }
    }
    return out;
  }

  private byte[] sign(String signingInput) {
    byte[] key = keys.key();
    KeyedMac held = macs.get();
    if (held == null || held.key() != key) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        held = new KeyedMac(key, mac);
        macs.set(held);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    return held.mac().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
  }

  private static JsonNode decodeJson(String part, String what) {
    try {
      JsonNode node = JSON.readTree(decode(part, what));
      if (node == null || !node.isObject()) {
        throw new AuthenticationException("The bearer token's " + what + " is not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new AuthenticationException("The bearer token's " + what + " is not valid JSON");
    }
  }

  private static byte[] decode(String part, String what) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("The bearer token's " + what + " is not base64url");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
