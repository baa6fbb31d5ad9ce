package io.mcpplatform.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One HMAC key the registry signs or verifies tokens with, and its key id: the first 96 bits of a
 * SHA-256 digest of the key, base64url. The id is derived rather than stored so that the local key
 * file and a Secrets Manager value need no extra field, and the same key has the same id in every
 * process; a truncated digest of a 256-bit random key tells nothing about the key.
 */
public final class SigningKey {

  /** Fewest key bytes accepted: HS256 needs a key as long as its hash. */
  public static final int MIN_BYTES = 32;

  private final String id;
  private final JWSSigner signer;
  private final JWSVerifier verifier;

  /**
   * @param secret the key bytes, at least {@value #MIN_BYTES}
   * @throws IllegalArgumentException when the key is shorter
   */
  public SigningKey(byte[] secret) {
    if (secret == null || secret.length < MIN_BYTES) {
      throw new IllegalArgumentException("a signing key needs at least " + MIN_BYTES + " bytes");
    }
    byte[] copy = secret.clone();
    this.id = keyId(copy);
    try {
      this.signer = new MACSigner(copy);
      this.verifier = new MACVerifier(copy);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the signing key cannot be used for HS256", e);
    }
  }

  /**
   * @return the key id tokens signed with this key carry in their {@code kid} header
   */
  public String id() {
    return id;
  }

  JWSSigner signer() {
    return signer;
  }

  JWSVerifier verifier() {
    return verifier;
  }

  private static String keyId(byte[] secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("mcp-platform-registry-kid:".getBytes(StandardCharsets.US_ASCII));
      byte[] digest = sha.digest(secret);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + id + "]";
  }
}
