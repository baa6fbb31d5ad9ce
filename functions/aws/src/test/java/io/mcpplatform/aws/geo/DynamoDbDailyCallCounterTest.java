package io.mcpplatform.aws.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The daily Google call cap against a real DynamoDB protocol server (dynalite). */
@ExtendWith(Dynalite.class)
class DynamoDbDailyCallCounterTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-26");

  private static DynamoDbClient client;
  private String table;

  @BeforeAll
  static void connect() {
    client = DynamoDbClientFactory.createLocal(Dynalite.endpoint());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void createTable() {
    table = "counter-" + UUID.randomUUID();
    DynamoDbRegistryStore.createTable(client, table);
  }

  @Test
  void tryCount_countsUpToTheCap_thenRefuses_perDay() {
    DynamoDbDailyCallCounter counter = new DynamoDbDailyCallCounter(client, table, "google");

    for (int i = 0; i < 3; i++) {
      assertThat(counter.tryCount(DAY, 3)).as("call " + i).isTrue();
    }
    assertThat(counter.tryCount(DAY, 3)).isFalse();
    assertThat(counter.tryCount(DAY, 4)).isTrue();
    assertThat(counter.tryCount(DAY.plusDays(1), 3)).isTrue();
    assertThat(counter.tryCount(DAY, 0)).isFalse();

    Map<String, AttributeValue> item =
        client
            .getItem(
                b ->
                    b.tableName(table)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("COUNTER#google#2026-11-26"),
                                "sk",
                                AttributeValue.fromS("COUNT"))))
            .item();
    assertThat(item.get("calls").n()).isEqualTo("4");
    assertThat(Long.parseLong(item.get("expiresAt").n()))
        .isEqualTo(DAY.plusDays(4).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
  }

  @Test
  void tryCount_isAtomic_acrossConcurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        DynamoDbDailyCallCounter counter = new DynamoDbDailyCallCounter(client, table, "google");
        results.add(pool.submit(() -> counter.tryCount(DAY, 25)));
      }
      long counted = 0;
      for (Future<Boolean> f : results) {
        counted += f.get() ? 1 : 0;
      }
      assertThat(counted).isEqualTo(25);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tryCount_failsAsStoreUnavailable_whenTheTableIsMissing() {
    DynamoDbDailyCallCounter counter =
        new DynamoDbDailyCallCounter(client, "no-such-table", "google");

    assertThatThrownBy(() -> counter.tryCount(DAY, 10))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> new DynamoDbDailyCallCounter(client, table, "Google#x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
