package io.mcpplatform.aws.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What is particular to the DynamoDB adapter: item layout, table definition, cursors, error
 * translation.
 */
@ExtendWith(Dynalite.class)
class DynamoDbRegistryStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static DynamoDbClient client;
  private String table;
  private DynamoDbRegistryStore store;

  @BeforeAll
  static void connect() {
    client = DynamoDbClientFactory.createLocal(Dynalite.endpoint());
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @BeforeEach
  void newTable() {
    table = "registry-" + UUID.randomUUID();
    DynamoDbRegistryStore.createTable(client, table);
    store = new DynamoDbRegistryStore(client, table);
  }

  private static ServerEntry entry(String name) {
    return ServerEntry.builder(name, "Title " + name, "1.0.0")
        .remotes(
            List.of(
                new Remote(Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
        .tags(List.of("maps"))
        .build();
  }

  private Map<String, AttributeValue> rawItem(String name) {
    return client
        .getItem(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "pk",
                            AttributeValue.fromS("SERVER#" + name),
                            "sk",
                            AttributeValue.fromS("ENTRY"))))
        .item();
  }

  private static String cursorOf(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void createTable_definesKeysAndBothListingIndexes() {
    TableDescription description = client.describeTable(b -> b.tableName(table)).table();

    assertThat(description.keySchema())
        .extracting(KeySchemaElement::attributeName)
        .containsExactly("pk", "sk");
    assertThat(description.globalSecondaryIndexes())
        .extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrder(RegistryTable.BY_UPDATED_INDEX, RegistryTable.BY_CHANGE_INDEX);
    for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
      assertThat(index.keySchema().get(0).attributeName())
          .isEqualTo(RegistryTable.GSI_PARTITION_KEY);
      assertThat(index.keySchema().get(1).attributeName())
          .isIn(RegistryTable.BY_UPDATED_SORT_KEY, RegistryTable.BY_CHANGE_SORT_KEY);
    }
  }

  @Test
  void entryItem_keepsRegistrationAndHealthInSeparateAttributes() {
    store.saveRegistration(entry("geo"), 0, T0);
    Map<String, AttributeValue> registered = rawItem("geo");
    Health health =
        new Health(HealthStatus.HEALTHY, T0.plusSeconds(60), 12L, "2025-06-18", 0, null);

    store.saveHealth(
        "geo",
        health,
        List.of(new Capability("get_location", Capability.TOOL, null)),
        T0.plusSeconds(60));
    Map<String, AttributeValue> checked = rawItem("geo");

    assertThat(registered.get("registration").s())
        .contains("\"title\":\"Title geo\"")
        .doesNotContain("health");
    assertThat(registered).doesNotContainKeys("health", "discovered");
    assertThat(registered.get("revision").n()).isEqualTo("1");
    assertThat(registered.get("gsiPk").s()).isEqualTo("SERVERS");
    assertThat(registered.get("updatedKey").s()).isEqualTo("2026-11-26T10:00:00.000000000Z#geo");
    assertThat(checked.get("health").s()).contains("\"status\":\"healthy\"");
    assertThat(checked.get("discovered").s()).contains("get_location");
    assertThat(checked.get("changedKey").s()).isEqualTo("2026-11-26T10:01:00.000000000Z#geo");
    for (String untouched :
        List.of("registration", "revision", "updatedAt", "publishedAt", "updatedKey")) {
      assertThat(checked.get(untouched)).as(untouched).isEqualTo(registered.get(untouched));
    }
  }

  @Test
  void listByUpdated_rejectsForgedCursors() {
    for (int i = 0; i < 3; i++) {
      store.saveRegistration(entry("s" + i), 0, T0.plusSeconds(i));
    }
    String issued = store.listByUpdated(null, 1).nextCursor();
    String otherName =
        cursorOf(
            "{\"pk\":\"SERVER#s1\",\"sk\":\"ENTRY\",\"gsiPk\":\"SERVERS\","
                + "\"updatedKey\":\"2026-11-26T10:00:02.000000000Z#s2\"}");
    String extraKey =
        cursorOf(
            "{\"pk\":\"SERVER#s2\",\"sk\":\"ENTRY\",\"gsiPk\":\"SERVERS\","
                + "\"updatedKey\":\"2026-11-26T10:00:02.000000000Z#s2\",\"x\":\"y\"}");
    String otherTable =
        cursorOf(
            "{\"pk\":\"USER#s2\",\"sk\":\"ENTRY\",\"gsiPk\":\"SERVERS\","
                + "\"updatedKey\":\"2026-11-26T10:00:02.000000000Z#s2\"}");

    assertThat(store.listByUpdated(issued, 5).items())
        .extracting(ServerEntry::name)
        .containsExactly("s1", "s0");
    for (String forged :
        List.of(otherName, extraKey, otherTable, cursorOf("[]"), cursorOf("null"))) {
      assertThatThrownBy(() -> store.listByUpdated(forged, 5))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.changesSince(T0, issued, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changesSince_startsAtSince_whenCursorIsOlderThanIt() {
    for (int i = 0; i < 4; i++) {
      store.saveRegistration(entry("s" + i), 0, T0.plusSeconds(i));
    }
    String early = store.changesSince(T0, null, 1).nextCursor();

    Page<io.mcpplatform.core.store.Change> page = store.changesSince(T0.plusSeconds(2), early, 10);

    assertThat(page.items()).extracting(c -> c.entry().name()).containsExactly("s2", "s3");
  }

  @Test
  void calls_failAsUnavailable_whenTableIsMissing() {
    DynamoDbRegistryStore missing =
        new DynamoDbRegistryStore(client, "no-such-table-" + UUID.randomUUID());

    assertThatThrownBy(() -> missing.get("a"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("table not found")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining("software.amazon");
    assertThatThrownBy(() -> missing.saveRegistration(entry("a"), 0, T0))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> missing.listByUpdated(null, 10))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void calls_failAsUnavailable_whenServerIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (DynamoDbClient nowhere =
        DynamoDbClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
            .region(DynamoDbClientFactory.LOCAL_REGION)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
            .build()) {
      DynamoDbRegistryStore unreachable = new DynamoDbRegistryStore(nowhere, table);

      assertThatThrownBy(() -> unreachable.get("a"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("could not be reached")
          .hasMessageNotContaining("Exception");
    }
  }
}
