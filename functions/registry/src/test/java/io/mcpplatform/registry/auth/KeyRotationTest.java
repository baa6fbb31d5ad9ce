package io.mcpplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.aws.secrets.SecretsManagerFake;
import io.mcpplatform.aws.secrets.SecretsManagerSecretSource;
import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.Permission;
import io.mcpplatform.core.access.PermissionDeniedException;
import io.mcpplatform.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Rotating the signing key costs no issued token: tokens carry the key id, the current and the
 * previous key verify, a key two rotations old does not. On AWS the keys are the secret's
 * AWSCURRENT and AWSPREVIOUS versions, read through the real SDK from a Secrets Manager fake and
 * rotated with {@code PutSecretValue} as an operator does; locally they are the data directory's
 * two key files.
 */
class KeyRotationTest {

  private static final String SECRET = "registry/signing-key";
  private static final Duration LIFETIME = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final SecretsManagerFake fake = new SecretsManagerFake();
  private final SecretsManagerClient client = fake.client();

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private TokenService instance() {
    return new TokenService(
        new SecretSigningKey(new SecretsManagerSecretSource(client), SECRET, LIFETIME, clock),
        clock);
  }

  private void rotate(String newKey) {
    client.putSecretValue(b -> b.secretId(SECRET).secretString(newKey));
  }

  private static String key(char c) {
    return String.valueOf(c).repeat(40);
  }

  private String publish(TokenService tokens) {
    return tokens.issue("alice", Permission.publishAndEdit("com.example/*"), Duration.ofHours(1));
  }

  @Test
  void aTokenMintedBeforeARotation_stillVerifies_andOneTwoRotationsOld_isRefused() {
    fake.put(SECRET, key('a'));
    TokenService tokens = instance();
    String beforeRotation = publish(tokens);

    rotate(key('b'));
    clock.advance(LIFETIME);
    String afterRotation = publish(tokens);

    assertThat(tokens.verify(beforeRotation).subject()).isEqualTo("alice");
    assertThat(kid(afterRotation)).isNotEqualTo(kid(beforeRotation));

    rotate(key('c'));
    clock.advance(LIFETIME);

    assertThat(tokens.verify(afterRotation).subject()).isEqualTo("alice");
    assertThatThrownBy(() -> tokens.verify(beforeRotation))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no longer accepts");
  }

  @Test
  void aWarmInstance_acceptsATokenFromTheNewKey_beforeItsCacheExpires() {
    fake.put(SECRET, key('a'));
    TokenService warm = instance();
    publish(warm);

    rotate(key('b'));
    String fromAFreshInstance = publish(instance());

    assertThat(warm.verify(fromAFreshInstance).subject()).isEqualTo("alice");
    assertThat(kid(publish(warm))).isEqualTo(kid(fromAFreshInstance));
  }

  @Test
  void unknownKeyIds_rereadTheSecretAtMostOncePerInterval() throws Exception {
    fake.put(SECRET, key('a'));
    TokenService tokens = instance();
    tokens.verify(publish(tokens));
    long reads = fake.count("GetSecretValue");

    for (int i = 0; i < 20; i++) {
      String forged = hs256("{\"alg\":\"HS256\",\"kid\":\"made-up-" + i + "\"}", key('a'));
      assertThatThrownBy(() -> tokens.verify(forged)).hasMessageContaining("no longer accepts");
    }

    assertThat(fake.count("GetSecretValue") - reads).isEqualTo(2);
    clock.advance(SecretSigningKey.MIN_RELOAD_INTERVAL);
    assertThatThrownBy(() -> tokens.verify(hs256("{\"alg\":\"HS256\",\"kid\":\"x\"}", key('a'))))
        .isInstanceOf(AuthenticationException.class);
    assertThat(fake.count("GetSecretValue") - reads).isEqualTo(4);
  }

  @Test
  void aTokenWithoutKid_isCheckedAgainstTheCurrentKeyOnly() throws Exception {
    fake.put(SECRET, key('a'));
    TokenService tokens = instance();
    String oldStyleUnderA = hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", key('a'));

    assertThat(tokens.verify(oldStyleUnderA).subject()).isEqualTo("alice");

    rotate(key('b'));
    clock.advance(LIFETIME);

    assertThatThrownBy(() -> tokens.verify(oldStyleUnderA))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("signature");
    assertThat(tokens.verify(hs256("{\"alg\":\"HS256\"}", key('b'))).subject()).isEqualTo("alice");
  }

  @Test
  void todaysRefusals_stillHoldAcrossARotation() throws Exception {
    fake.put(SECRET, key('a'));
    TokenService tokens = instance();
    String beforeRotation = publish(tokens);
    rotate(key('b'));
    clock.advance(LIFETIME);
    String[] parts = beforeRotation.split("\\.");
    String widened =
        b64(
            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("com.example/*", "*"));
    String none =
        b64("{\"alg\":\"none\",\"kid\":\"" + kid(beforeRotation) + "\"}") + "." + parts[1] + ".";
    String kidSwapped =
        b64("{\"alg\":\"HS256\",\"kid\":\"" + kid(publish(tokens)) + "\"}")
            + "."
            + parts[1]
            + "."
            + parts[2];

    assertThatThrownBy(() -> tokens.verifyAuthorization(null)).hasMessageContaining("required");
    assertThatThrownBy(() -> tokens.verify(parts[0] + "." + widened + "." + parts[2]))
        .hasMessageContaining("signature");
    assertThatThrownBy(() -> tokens.verify(none)).hasMessageContaining("algorithm");
    assertThatThrownBy(() -> tokens.verify(kidSwapped)).hasMessageContaining("signature");
    Caller caller = tokens.verify(beforeRotation);
    assertThatThrownBy(() -> caller.require(Permission.PUBLISH, "com.other/weather"))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void localRotation_keepsTheRunningRegistrysTokens_forOneRotation(@TempDir Path dir)
      throws Exception {
    LocalSigningKey running = LocalSigningKey.loadOrCreate(dir);
    TokenService tokens = new TokenService(running, clock);
    String beforeRotation = publish(tokens);

    SigningKeys afterFirst = LocalSigningKey.rotate(dir);
    String afterRotation = publish(new TokenService(LocalSigningKey.loadOrCreate(dir), clock));

    assertThat(afterFirst.previous().id()).isEqualTo(kid(beforeRotation));
    assertThat(afterFirst.current().id()).isEqualTo(kid(afterRotation));
    assertThat(tokens.verify(afterRotation).subject()).isEqualTo("alice");
    assertThat(tokens.verify(beforeRotation).subject()).isEqualTo("alice");
    for (String file :
        new String[] {LocalSigningKey.FILE_NAME, LocalSigningKey.PREVIOUS_FILE_NAME}) {
      assertThat(Files.getPosixFilePermissions(dir.resolve(file)))
          .as(file)
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    LocalSigningKey.rotate(dir);
    String third = publish(new TokenService(LocalSigningKey.loadOrCreate(dir), clock));

    assertThat(tokens.verify(third).subject()).isEqualTo("alice");
    assertThat(tokens.verify(afterRotation).subject()).isEqualTo("alice");
    assertThatThrownBy(() -> tokens.verify(beforeRotation))
        .hasMessageContaining("no longer accepts");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(LocalSigningKey.FILE_NAME, LocalSigningKey.PREVIOUS_FILE_NAME);
    }
  }

  private static String kid(String token) {
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
  }

  private String hs256(String header, String key) throws Exception {
    long now = clock.instant().getEpochSecond();
    String input =
        b64(header)
            + "."
            + b64(
                "{\"iss\":\"mcp-platform-registry\",\"sub\":\"alice\",\"iat\":"
                    + now
                    + ",\"exp\":"
                    + (now + 600)
                    + ",\"permissions\":[{\"action\":\"publish\",\"resource\":\"com.example/*\"}]}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
