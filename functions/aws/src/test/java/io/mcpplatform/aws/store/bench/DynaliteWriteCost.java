package io.mcpplatform.aws.store.bench;

import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark, not a test: 1,000 sequential registrations (conditional UpdateItem) through {@link
 * DynamoDbRegistryStore} against dynalite, 1,000 plain PutItems for comparison, and one listing
 * page of 100. Run with the module's test classpath: {@code java -cp ...
 * io.mcpplatform.aws.store.bench.DynaliteWriteCost}.
 *
 * <p>Recorded 2026-11-26 on the 2-core dev machine under heavy load from other builds (load average
 * 13-19), two runs of three rounds in one JVM each. 1,000 saveRegistration: cold 24-46 s, warm
 * (third round) 5.5 s and 14.2 s, i.e. 5.5-14 ms each. 1,000 plain PutItem: cold 21-24 s, warm
 * 2.3-4.0 s (a quiet machine measured 2.6 s earlier). listByUpdated(100): 8-10 ms warm. Each
 * registration is a conditional UpdateItem returning ALL_NEW that also updates two indexes, which
 * dynalite makes 1.7-3.5 times as costly as a plain put.
 */
public final class DynaliteWriteCost {

  private DynaliteWriteCost() {}

  /**
   * @param args unused
   */
  public static void main(String[] args) {
    try (DynamoDbClient client = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      for (int round = 0; round < 3; round++) {
        String table = "bench-" + UUID.randomUUID();
        DynamoDbRegistryStore.createTable(client, table);
        DynamoDbRegistryStore store = new DynamoDbRegistryStore(client, table);
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
          String name = "bench-" + i;
          store.saveRegistration(
              ServerEntry.builder(name, "Benchmark " + name, "1.0.0")
                  .remotes(
                      List.of(
                          new Remote(
                              Remote.STREAMABLE_HTTP,
                              "https://" + name + ".example.com/mcp",
                              null)))
                  .tags(List.of("bench"))
                  .build(),
              0,
              t0.plusMillis(i));
        }
        long writes = System.nanoTime() - start;
        start = System.nanoTime();
        int listed = store.listByUpdated(null, 100).items().size();
        long list = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
          String pk = "PLAIN#" + i;
          client.putItem(
              b ->
                  b.tableName(table)
                      .item(
                          Map.of(
                              "pk",
                              AttributeValue.fromS(pk),
                              "sk",
                              AttributeValue.fromS("X"),
                              "v",
                              AttributeValue.fromS("value " + pk))));
        }
        long puts = System.nanoTime() - start;
        System.out.printf(
            "round %d: 1000 saveRegistration %.2f s (%.2f ms each); 1000 plain PutItem (not indexed)"
                + " %.2f s; listByUpdated(100) -> %d in %.1f ms%n",
            round, writes / 1e9, writes / 1e6 / 1000, puts / 1e9, listed, list / 1e6);
      }
    } finally {
      Dynalite.stop();
    }
  }
}
