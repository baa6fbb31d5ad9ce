package io.mcpplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HS256 tokens: issued ones verify; expired, tampered, wrong-algorithm, foreign, over-long and
 * malformed-claim ones do not, each with a message a caller can act on.
 */
class TokenServiceTest {

  private static final byte[] KEY =
      "token-service-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final TokenService tokens = new TokenService(SigningKeyProvider.fixed(KEY), clock);

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(String input, byte[] key, String alg) throws Exception {
    Mac mac = Mac.getInstance(alg);
    mac.init(new SecretKeySpec(key, alg));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private String token(String header, String payload, byte[] key, String macAlg) throws Exception {
    String input = b64(header) + "." + b64(payload);
    return input + "." + sign(input, key, macAlg);
  }

  private static String claims(long exp) {
    return "{\"iss\":\"mcp-platform-registry\",\"sub\":\"alice\",\"iat\":1795687200,\"exp\":"
        + exp
        + ",\"permissions\":[{\"action\":\"publish\",\"resource\":\"com.example/*\"}]}";
  }

  @Test
  void issue_thenVerify_returnsSubjectAndPermissions() {
    String token =
        tokens.issue("alice", Permission.publishAndEdit("com.example/*"), Duration.ofMinutes(15));

    Caller caller = tokens.verify(token);

    assertThat(caller.subject()).isEqualTo("alice");
    assertThat(caller.permissions())
        .containsExactlyElementsOf(Permission.publishAndEdit("com.example/*"));
    assertThat(tokens.verifyAuthorization("Bearer " + token)).isEqualTo(caller);
    assertThat(tokens.verifyAuthorization("bearer  " + token)).isEqualTo(caller);
  }

  @Test
  void verify_refusesExpiredToken() {
    String token = tokens.issue("alice", Permission.publishAndEdit("*"), Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(15));

    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void verify_refusesTamperedPayloadAndSignature() {
    String token =
        tokens.issue("alice", Permission.publishAndEdit("com.example/*"), Duration.ofMinutes(15));
    String[] parts = token.split("\\.");
    String widened =
        b64(
            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("com.example/*", "*"));

    assertThatThrownBy(() -> tokens.verify(parts[0] + "." + widened + "." + parts[2]))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("signature");
    char last = parts[2].charAt(0);
    String flipped = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertThatThrownBy(() -> tokens.verify(parts[0] + "." + parts[1] + "." + flipped))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void verify_refusesAlgorithmNone_andOtherAlgorithms() throws Exception {
    long exp = clock.instant().getEpochSecond() + 600;
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(exp)) + ".";
    String hs512 = token("{\"alg\":\"HS512\"}", claims(exp), KEY, "HmacSHA512");
    String noneSigned = token("{\"alg\":\"none\"}", claims(exp), KEY, "HmacSHA256");

    assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> tokens.verify(hs512))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("algorithm");
    assertThatThrownBy(() -> tokens.verify(noneSigned))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("algorithm");
  }

  @Test
  void verify_refusesOtherKeyIssuerAndMalformedTokens() throws Exception {
    long exp = clock.instant().getEpochSecond() + 600;
    String otherKey =
        token(
            "{\"alg\":\"HS256\"}",
            claims(exp),
            "another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");
    String otherIssuer =
        token(
            "{\"alg\":\"HS256\"}",
            claims(exp).replace("mcp-platform-registry", "someone"),
            KEY,
            "HmacSHA256");
    String noExpiry =
        token("{\"alg\":\"HS256\"}", claims(exp).replace(",\"exp\":" + exp, ""), KEY, "HmacSHA256");

    assertThatThrownBy(() -> tokens.verify(otherKey)).hasMessageContaining("signature");
    assertThatThrownBy(() -> tokens.verify(otherIssuer)).hasMessageContaining("issued");
    assertThatThrownBy(() -> tokens.verify(noExpiry)).hasMessageContaining("expiry");
    for (String bad : List.of("", "abc", "a.b", "a.b.c.d", "!!.??.**", "e30.e30.")) {
      assertThatThrownBy(() -> tokens.verify(bad))
          .as(bad)
          .isInstanceOf(AuthenticationException.class);
    }
    assertThatThrownBy(() -> tokens.verifyAuthorization(null)).hasMessageContaining("required");
    assertThatThrownBy(() -> tokens.verifyAuthorization("Basic dXNlcjpwYXNz"))
        .hasMessageContaining("Bearer");
  }

  @Test
  void permissions_coverNamespace_exactName_andAdminAll() {
    Caller ns = new Caller("a", Permission.publishAndEdit("com.example/*"));
    Caller admin = new Caller("root", Permission.publishAndEdit("*"));
    Caller publishOnly =
        new Caller("p", List.of(new Permission(Permission.PUBLISH, "com.example/one")));

    ns.require(Permission.PUBLISH, "com.example/weather");
    assertThatThrownBy(() -> ns.require(Permission.PUBLISH, "com.other/weather"))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> ns.require(Permission.PUBLISH, "com.example.evil/weather"))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> ns.require(Permission.PUBLISH, "weather-api"))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("admin");
    admin.require(Permission.EDIT, "weather-api");
    publishOnly.require(Permission.PUBLISH, "com.example/one");
    assertThatThrownBy(() -> publishOnly.require(Permission.EDIT, "com.example/one"))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(admin.isAdmin()).isTrue();
    assertThat(ns.isAdmin()).isFalse();
    assertThatThrownBy(() -> new Permission("delete", "*"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Permission("publish", "com.*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issue_namesTheKeyInKid_andPinsHs256() {
    String token =
        tokens.issue("alice", Permission.publishAndEdit("com.example/*"), Duration.ofMinutes(15));
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);

    assertThat(header)
        .contains("\"alg\":\"HS256\"")
        .contains("\"kid\":\"" + new SigningKey(KEY).id() + "\"");
  }

  @Test
  void keyId_isTheDocumentedDigest_soHandMadeTokensCanNameTheKey() {
    // README: printf 'mcp-platform-registry-kid:%s' "$KEY" | openssl dgst -sha256 -binary | head -c
    // 12 | b64url
    assertThat(new SigningKey("a".repeat(40).getBytes(StandardCharsets.UTF_8)).id())
        .isEqualTo("GRvHr2S7Zjw9H45G");
  }

  @Test
  void verify_refusesCriticalHeaders_evenWhenSigned() throws Exception {
    long exp = clock.instant().getEpochSecond() + 600;
    String crit =
        token("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", claims(exp), KEY, "HmacSHA256");

    assertThatThrownBy(() -> tokens.verify(crit))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("critical");
  }

  @Test
  void verify_refusesATokenLivingLongerThanTheCap_evenWhenSignedWithTheKey() throws Exception {
    long now = clock.instant().getEpochSecond();
    String tenYears =
        token("{\"alg\":\"HS256\"}", claims(now + 10L * 365 * 86_400), KEY, "HmacSHA256");
    String backdated =
        token(
            "{\"alg\":\"HS256\"}",
            claims(now + 3600).replace("\"iat\":1795687200", "\"iat\":" + (now - 2 * 86_400)),
            KEY,
            "HmacSHA256");
    String withinCap = token("{\"alg\":\"HS256\"}", claims(now + 86_400), KEY, "HmacSHA256");
    TokenService oneHour =
        new TokenService(SigningKeyProvider.fixed(KEY), clock, Duration.ofHours(1));

    assertThatThrownBy(() -> tokens.verify(tenYears))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("longer than the 24 h");
    assertThatThrownBy(() -> tokens.verify(backdated))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("longer than the 24 h");
    assertThat(tokens.verify(withinCap).subject()).isEqualTo("alice");
    assertThatThrownBy(() -> oneHour.verify(withinCap)).hasMessageContaining("longer than the 1 h");
  }

  @Test
  void verify_refusesMalformedNumericClaims_asAuthenticationFailuresNamingTheClaim()
      throws Exception {
    long exp = clock.instant().getEpochSecond() + 600;
    for (String bad :
        List.of(
            "1e300",
            "\"1795690000\"",
            "-5",
            "1795690000.5",
            "true",
            "null",
            "[1]",
            "9223372036854775808",
            "1e20")) {
      String token =
          token(
              "{\"alg\":\"HS256\"}",
              claims(exp).replace("\"exp\":" + exp, "\"exp\":" + bad),
              KEY,
              "HmacSHA256");
      assertThatThrownBy(() -> tokens.verify(token))
          .as(bad)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("'exp'");
    }
    String badIat =
        token(
            "{\"alg\":\"HS256\"}",
            claims(exp).replace("\"iat\":1795687200", "\"iat\":\"yesterday\""),
            KEY,
            "HmacSHA256");
    String badNbf =
        token("{\"alg\":\"HS256\"}", claims(exp).replace("{", "{\"nbf\":-1,"), KEY, "HmacSHA256");
    assertThatThrownBy(() -> tokens.verify(badIat))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("'iat'");
    assertThatThrownBy(() -> tokens.verify(badNbf))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("'nbf'");
  }

  @Test
  void tokenMaxLifetime_isReadFromTheEnvironment_1To24Hours() {
    assertThat(
            io.mcpplatform.registry.RegistryConfig.fromEnvironment(java.util.Map.of())
                .tokenMaxLifetime())
        .isEqualTo(Duration.ofHours(24));
    assertThat(
            io.mcpplatform.registry.RegistryConfig.fromEnvironment(
                    java.util.Map.of("TOKEN_MAX_LIFETIME_HOURS", "2"))
                .tokenMaxLifetime())
        .isEqualTo(Duration.ofHours(2));
    for (String bad : List.of("0", "25", "1e3", "x")) {
      assertThatThrownBy(
              () ->
                  io.mcpplatform.registry.RegistryConfig.fromEnvironment(
                      java.util.Map.of("TOKEN_MAX_LIFETIME_HOURS", bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("TOKEN_MAX_LIFETIME_HOURS");
    }
  }

  @Test
  void localSigningKey_isCreatedOnce_andSharedBetweenLoads(@TempDir Path dir) throws Exception {
    LocalSigningKey first = LocalSigningKey.loadOrCreate(dir);
    LocalSigningKey second = LocalSigningKey.loadOrCreate(dir);

    assertThat(
            Base64.getUrlDecoder().decode(Files.readString(dir.resolve(LocalSigningKey.FILE_NAME))))
        .hasSize(32);
    assertThat(first.keys().current().id()).isEqualTo(second.keys().current().id());
    assertThat(first.keys().previous()).isNull();
    assertThat(Files.getPosixFilePermissions(dir.resolve(LocalSigningKey.FILE_NAME)))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String token =
        new TokenService(first, clock)
            .issue("x", Permission.publishAndEdit("*"), Duration.ofMinutes(1));
    assertThat(new TokenService(second, clock).verify(token).subject()).isEqualTo("x");
  }
}
