package io.mcpplatform.aws.secrets;

import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretSource;
import io.mcpplatform.core.secrets.SecretStage;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads secrets with Secrets Manager's {@code GetSecretValue}: the version staged {@code
 * AWSCURRENT}, or {@code AWSPREVIOUS} for {@link SecretStage#PREVIOUS} (the version the last
 * rotation replaced). Only text secrets are supported. Wrap it in a {@link
 * io.mcpplatform.core.secrets.CachedSecretProvider}: this class calls the service every time.
 * Messages name the secret and the service's error code, never a value.
 */
public final class SecretsManagerSecretSource implements SecretSource {

  private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSecretSource.class);

  private final SecretsManagerClient client;

  /**
   * @param client a client built once per process
   */
  public SecretsManagerSecretSource(SecretsManagerClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public String secret(String name) {
    return secret(name, SecretStage.CURRENT);
  }

  @Override
  public String secret(String name, SecretStage stage) {
    Objects.requireNonNull(name, "name");
    String label = stage == SecretStage.PREVIOUS ? "AWSPREVIOUS" : "AWSCURRENT";
    GetSecretValueResponse response;
    try {
      response = client.getSecretValue(b -> b.secretId(name).versionStage(label));
    } catch (ResourceNotFoundException e) {
      throw new SecretNotFoundException(
          "Secret \"" + name + "\" has no " + label + " version in Secrets Manager.");
    } catch (SecretsManagerException e) {
      String code =
          e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
      LOG.warn("Secrets Manager refused to read {}: {}", name, code);
      throw new SecretUnavailableException(
          "Secret \"" + name + "\" could not be read from Secrets Manager (" + code + ").", e);
    } catch (SdkClientException e) {
      LOG.warn(
          "Secrets Manager could not be reached to read {}: {}",
          name,
          e.getClass().getSimpleName());
      throw new SecretUnavailableException(
          "Secrets Manager could not be reached to read \"" + name + "\".", e);
    }
    String value = response.secretString();
    if (value == null || value.isEmpty()) {
      throw new SecretNotFoundException("Secret \"" + name + "\" holds no text value.");
    }
    return value;
  }
}
