package io.mcpplatform.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretStage;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The source against a loopback server speaking Secrets Manager's AWS JSON 1.1 protocol. */
class SecretsManagerSecretSourceTest {

  private final SecretsManagerFake fake = new SecretsManagerFake();
  private final SecretsManagerClient client = fake.client();
  private final SecretsManagerSecretSource source = new SecretsManagerSecretSource(client);

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void secret_returnsTheSecretString_viaGetSecretValueOfTheCurrentStage() {
    fake.put("maps/google-api-key", "AIza-test-value");

    String value = source.secret("maps/google-api-key");

    assertThat(value).isEqualTo("AIza-test-value");
    assertThat(fake.calls()).hasSize(1);
    assertThat(fake.calls().get(0).operation()).isEqualTo("GetSecretValue");
    assertThat(fake.calls().get(0).body().toString())
        .isEqualTo("{\"SecretId\":\"maps/google-api-key\",\"VersionStage\":\"AWSCURRENT\"}");
  }

  @Test
  void secret_readsThePreviousStage_afterARotationByPutSecretValue() {
    fake.put("registry/signing-key", "first");
    client.putSecretValue(b -> b.secretId("registry/signing-key").secretString("second"));

    assertThat(source.secret("registry/signing-key", SecretStage.CURRENT)).isEqualTo("second");
    assertThat(source.secret("registry/signing-key", SecretStage.PREVIOUS)).isEqualTo("first");
    client.putSecretValue(b -> b.secretId("registry/signing-key").secretString("third"));
    assertThat(source.secret("registry/signing-key", SecretStage.PREVIOUS)).isEqualTo("second");
    assertThat(fake.calls().get(fake.calls().size() - 1).body().path("VersionStage").asString())
        .isEqualTo("AWSPREVIOUS");
  }

  @Test
  void secret_isNotFound_onResourceNotFoundException_andWithoutAPreviousVersion() {
    assertThatThrownBy(() -> source.secret("missing"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("\"missing\" has no AWSCURRENT version");
    fake.put("fresh", "only");
    assertThatThrownBy(() -> source.secret("fresh", SecretStage.PREVIOUS))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("\"fresh\" has no AWSPREVIOUS version");
  }

  @Test
  void secret_isNotFound_whenTheSecretIsBinary() {
    fake.putBinary("binary", "AAEC");
    assertThatThrownBy(() -> source.secret("binary"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("no text value");
  }

  @Test
  void secret_isUnavailableNamingTheErrorCode_whenAccessIsDenied() {
    fake.fail(
        "locked",
        400,
        "AccessDeniedException",
        "User is not authorized to perform: secretsmanager:GetSecretValue");
    assertThatThrownBy(() -> source.secret("locked"))
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessageContaining("AccessDeniedException");
  }

  @Test
  void secret_isUnavailable_onAServiceError() {
    fake.fail("flaky", 500, "InternalServiceError", "boom");
    assertThatThrownBy(() -> source.secret("flaky")).isInstanceOf(SecretUnavailableException.class);
  }

  @Test
  void cachedProvider_readsSecretsManagerOnce_untilInvalidated() {
    fake.put("k", "v1");
    CachedSecretProvider provider = new CachedSecretProvider(source, "k", Duration.ofMinutes(5));
    provider.get();
    provider.get();
    assertThat(fake.count("GetSecretValue")).isEqualTo(1);
    fake.put("k", "v2");
    provider.invalidate();
    assertThat(provider.get()).isEqualTo("v2");
    assertThat(fake.count("GetSecretValue")).isEqualTo(2);
  }
}
