package io.mcpplatform.aws.store;

import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.RegistryStoreContract;
import io.mcpplatform.core.store.RegistryStoreVectorsContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The store contract against dynalite, one new table per test; the client refuses any Scan. */
@ExtendWith(Dynalite.class)
class DynamoDbRegistryStoreContractTest extends RegistryStoreContract {

  private static DynamoDbClient client;

  /** Fails any Scan, so the contract also proves the adapter never scans. */
  static final class NoScan implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof ScanRequest) {
        throw new AssertionError("the registry store must never Scan");
      }
    }
  }

  @BeforeAll
  static void connect() {
    client =
        DynamoDbClient.builder()
            .endpointOverride(Dynalite.endpoint())
            .region(DynamoDbClientFactory.LOCAL_REGION)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new NoScan()))
            .build();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Override
  protected RegistryStore newStore() {
    String table = "registry-" + UUID.randomUUID();
    DynamoDbRegistryStore.createTable(client, table);
    return new DynamoDbRegistryStore(client, table);
  }

  /** The vectors part of the contract, on the same kind of store. */
  @Nested
  class Vectors extends RegistryStoreVectorsContract {
    @Override
    protected RegistryStore newStore() throws Exception {
      return DynamoDbRegistryStoreContractTest.this.newStore();
    }
  }
}
