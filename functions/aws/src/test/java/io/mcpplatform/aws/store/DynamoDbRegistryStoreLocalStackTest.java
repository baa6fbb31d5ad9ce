package io.mcpplatform.aws.store;

import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.RegistryStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract against LocalStack's DynamoDB; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbRegistryStoreLocalStackTest extends RegistryStoreContract {

  @Container
  private static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
          .withServices("dynamodb");

  private static DynamoDbClient client;

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  @Override
  protected RegistryStore newStore() {
    if (client == null) {
      client =
          DynamoDbClientFactory.create(
              LOCALSTACK.getEndpoint(),
              Region.of(LOCALSTACK.getRegion()),
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(
                      LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())));
    }
    String table = "registry-" + UUID.randomUUID();
    DynamoDbRegistryStore.createTable(client, table);
    return new DynamoDbRegistryStore(client, table);
  }
}
