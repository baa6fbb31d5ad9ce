package io.mcpplatform.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The source against LocalStack's Secrets Manager; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class SecretsManagerSecretSourceLocalStackTest {

  @Container
  private static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
          .withServices("secretsmanager");

  private static SecretsManagerClient client;

  @BeforeAll
  static void connect() {
    client =
        SecretsManagerClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void secret_readsTheCurrentValue_andARotationAfterInvalidate() {
    String name = "maps/google-api-key-" + UUID.randomUUID();
    client.createSecret(b -> b.name(name).secretString("first"));
    CachedSecretProvider provider =
        new CachedSecretProvider(
            new SecretsManagerSecretSource(client), name, Duration.ofMinutes(5));
    assertThat(provider.get()).isEqualTo("first");

    client.putSecretValue(b -> b.secretId(name).secretString("second"));
    assertThat(provider.get()).isEqualTo("first");
    provider.invalidate();
    assertThat(provider.get()).isEqualTo("second");
  }

  @Test
  void secret_isNotFound_forAMissingSecret() {
    assertThatThrownBy(
            () -> new SecretsManagerSecretSource(client).secret("missing-" + UUID.randomUUID()))
        .isInstanceOf(SecretNotFoundException.class);
  }
}
