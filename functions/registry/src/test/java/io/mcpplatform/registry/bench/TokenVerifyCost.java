package io.mcpplatform.registry.bench;

import io.mcpplatform.core.access.Caller;
import io.mcpplatform.core.access.Permission;
import io.mcpplatform.registry.auth.SigningKeyProvider;
import io.mcpplatform.registry.auth.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures bearer token verification (HS256, claims parsed, permissions built): a plain main, not a
 * test. Run: {@code mvn -B -q -pl functions/registry -am test-compile} then {@code java -cp
 * "functions/registry/target/test-classes:functions/registry/target/classes:$(cat cp.txt)"
 * io.mcpplatform.registry.bench.TokenVerifyCost} (cp.txt from {@code dependency:build-classpath}).
 */
public final class TokenVerifyCost {

  private TokenVerifyCost() {}

  /**
   * @param args [rounds] (default 20) of 100,000 verifications each
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    byte[] key = "bench-signing-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    TokenService tokens = new TokenService(SigningKeyProvider.fixed(key), Clock.systemUTC());
    String token =
        tokens.issue("bench", Permission.publishAndEdit("com.example/*"), Duration.ofMinutes(15));
    String header = "Bearer " + token;
    int perRound = 100_000;
    double[] micros = new double[rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        Caller caller = tokens.verifyAuthorization(header);
        sink += caller.permissions().size();
      }
      micros[r] = (System.nanoTime() - start) / 1000.0 / perRound;
    }
    double[] steady = Arrays.copyOfRange(micros, rounds / 2, rounds);
    Arrays.sort(steady);
    System.out.printf(
        "token verification: %d rounds of %d; steady-state median %.2f us, worst round %.2f us"
            + " per token (sink %d)%n",
        rounds, perRound, steady[steady.length / 2], steady[steady.length - 1], sink);
  }
}
