package io.mcpplatform.aws.store;

import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.RegistryStoreContract;
import io.mcpplatform.core.store.RegistryStoreSchemasContract;
import io.mcpplatform.core.store.RegistryStoreVectorsContract;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

  /** The input schemas part of the contract, on the same kind of store. */
  @Nested
  class Schemas extends RegistryStoreSchemasContract {
    @Override
    protected RegistryStore newStore() throws Exception {
      return DynamoDbRegistryStoreContractTest.this.newStore();
    }

    /**
     * An entry item whose registration and discovered attributes hold the JSON of before input
     * schemas: saved through the store, then those two attributes overwritten with that text.
     */
    @Override
    protected RegistryStore storeWithLegacyEntry(String name) {
      String table = "registry-" + UUID.randomUUID();
      DynamoDbRegistryStore.createTable(client, table);
      DynamoDbRegistryStore store = new DynamoDbRegistryStore(client, table);
      String url = "https://legacy.example.com/mcp";
      store.saveRegistration(
          ServerEntry.builder(name, "Legacy", "1.0.0")
              .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, url, null)))
              .build(),
          0,
          T0);
      String registration =
          "{\"name\":\""
              + name
              + "\",\"title\":\"Legacy\",\"version\":\"1.0.0\",\"remotes\":[{\"type\":"
              + "\"streamable-http\",\"url\":\""
              + url
              + "\",\"headers\":[]}],\"tags\":[],\"capabilities\":"
              + LEGACY_CAPABILITIES
              + ",\"status\":\"active\"}";
      client.updateItem(
          b ->
              b.tableName(table)
                  .key(
                      Map.of(
                          RegistryTable.PARTITION_KEY,
                          AttributeValue.fromS(RegistryTable.entryKey(name)),
                          RegistryTable.SORT_KEY,
                          AttributeValue.fromS(RegistryTable.ENTRY_SORT_KEY)))
                  .updateExpression("SET #r = :r, #d = :d")
                  .expressionAttributeNames(
                      Map.of("#r", RegistryTable.REGISTRATION, "#d", RegistryTable.DISCOVERED))
                  .expressionAttributeValues(
                      Map.of(
                          ":r",
                          AttributeValue.fromS(registration),
                          ":d",
                          AttributeValue.fromS(LEGACY_CAPABILITIES))));
      return store;
    }
  }
}
