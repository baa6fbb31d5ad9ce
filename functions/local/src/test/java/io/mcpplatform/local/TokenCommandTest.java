package io.mcpplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.Permission;
import io.mcpplatform.registry.auth.AuthenticationException;
import io.mcpplatform.registry.auth.LocalSigningKey;
import io.mcpplatform.registry.auth.TokenService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./run-local token}: a token on the last line, signed with the data directory's key. */
class TokenCommandTest {

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new LocalMain(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void token_printsAVerifiableTokenOnTheLastLine_forTheNamespace() {
    Path dataDir = home.resolve("data");

    int code =
        run(
            "token",
            "--namespace",
            "com.example/*",
            "--data-dir",
            dataDir.toString(),
            "--ttl",
            "5");

    assertThat(code).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    Caller caller =
        new TokenService(
                LocalSigningKey.loadOrCreate(dataDir.resolve("registry")), Clock.systemUTC())
            .verify(lines[lines.length - 1]);
    assertThat(caller.permissions())
        .containsExactlyElementsOf(Permission.publishAndEdit("com.example/*"));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("com.example/*")
        .contains("signing.key");
  }

  @Test
  void rotateKey_makesTheCurrentKeyPrevious_soOldTokensVerifyUntilTheNextRotation()
      throws Exception {
    Path dataDir = home.resolve("data");
    Path registryDir = dataDir.resolve("registry");
    assertThat(run("token", "--namespace", "com.example/*", "--data-dir", dataDir.toString()))
        .isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    String beforeRotation = lines[lines.length - 1];
    TokenService running =
        new TokenService(LocalSigningKey.loadOrCreate(registryDir), Clock.systemUTC());

    assertThat(run("token", "--rotate-key", "--data-dir", dataDir.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rotated the signing key");
    assertThat(running.verify(beforeRotation).subject()).startsWith("local-");
    assertThat(
            Files.getPosixFilePermissions(registryDir.resolve(LocalSigningKey.PREVIOUS_FILE_NAME)))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(run("token", "--rotate-key", "--data-dir", dataDir.toString())).isZero();
    assertThatThrownBy(() -> running.verify(beforeRotation))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no longer accepts");
    assertThat(run("token", "--rotate-key", "--namespace", "*", "--data-dir", dataDir.toString()))
        .isEqualTo(2);
  }

  @Test
  void token_refusesMissingOrMalformedNamespace_andBadTtl() {
    assertThat(run("token", "--data-dir", home.toString())).isEqualTo(2);
    assertThat(run("token", "--namespace", "com.*", "--data-dir", home.toString())).isEqualTo(2);
    assertThat(run("token", "--namespace", "*", "--ttl", "0", "--data-dir", home.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--namespace is required")
        .contains("--ttl");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(List.of(home.toFile().list())).isEmpty();
  }
}
