package io.mcpplatform.aws.store;

import static io.mcpplatform.aws.store.RegistryTable.ALL_SERVERS;
import static io.mcpplatform.aws.store.RegistryTable.BY_CHANGE_INDEX;
import static io.mcpplatform.aws.store.RegistryTable.BY_CHANGE_SORT_KEY;
import static io.mcpplatform.aws.store.RegistryTable.BY_UPDATED_INDEX;
import static io.mcpplatform.aws.store.RegistryTable.BY_UPDATED_SORT_KEY;
import static io.mcpplatform.aws.store.RegistryTable.CHANGED_AT;
import static io.mcpplatform.aws.store.RegistryTable.DISCOVERED;
import static io.mcpplatform.aws.store.RegistryTable.ENTRY_SORT_KEY;
import static io.mcpplatform.aws.store.RegistryTable.GSI_PARTITION_KEY;
import static io.mcpplatform.aws.store.RegistryTable.HEALTH;
import static io.mcpplatform.aws.store.RegistryTable.PARTITION_KEY;
import static io.mcpplatform.aws.store.RegistryTable.PUBLISHED_AT;
import static io.mcpplatform.aws.store.RegistryTable.REGISTRATION;
import static io.mcpplatform.aws.store.RegistryTable.REVISION;
import static io.mcpplatform.aws.store.RegistryTable.SORT_KEY;
import static io.mcpplatform.aws.store.RegistryTable.UPDATED_AT;
import static io.mcpplatform.aws.store.RegistryTable.VECTORS;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthSample;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.store.Change;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.EntryNotFoundException;
import io.mcpplatform.core.store.Page;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * {@link RegistryStore} on one DynamoDB table laid out as {@link RegistryTable} describes. Writes
 * are conditional {@code UpdateItem}s that touch only their own attributes; listings query the two
 * indexes; nothing scans the table. Index reads are eventually consistent, as DynamoDB's global
 * indexes are.
 */
public final class DynamoDbRegistryStore implements RegistryStore {

  private static final int MAX_LIMIT = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRegistryStore.class);

  private final DynamoDbClient client;
  private final String tableName;
  private final EntryItems items = new EntryItems();
  private final PageCursors cursors = new PageCursors();
  private final SideItems side;

  /**
   * @param client a client built once and shared (see {@link DynamoDbClientFactory})
   * @param tableName the registry table
   */
  public DynamoDbRegistryStore(DynamoDbClient client, String tableName) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.side = new SideItems(client, tableName);
  }

  /**
   * Creates the registry table and waits until it is active, then enables TTL on {@link
   * RegistryTable#TTL_ATTRIBUTE} where the server supports it. For tests and local use; deployed
   * tables come from the CDK stack.
   *
   * @param client the client
   * @param tableName the table to create
   * @throws StoreUnavailableException when the table cannot be created
   */
  public static void createTable(DynamoDbClient client, String tableName) {
    try {
      client.createTable(RegistryTable.createTableRequest(tableName));
      try (DynamoDbWaiter waiter =
          DynamoDbWaiter.builder()
              .client(client)
              .overrideConfiguration(
                  WaiterOverrideConfiguration.builder()
                      .backoffStrategyV2(
                          BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100)))
                      .waitTimeout(Duration.ofMinutes(5))
                      .build())
              .build()) {
        waiter.waitUntilTableExists(b -> b.tableName(tableName));
      }
    } catch (SdkException e) {
      throw unavailable(tableName, "create table", e);
    }
    try {
      client.updateTimeToLive(
          b ->
              b.tableName(tableName)
                  .timeToLiveSpecification(
                      t -> t.attributeName(RegistryTable.TTL_ATTRIBUTE).enabled(true)));
    } catch (DynamoDbException e) {
      if (e.awsErrorDetails() == null
          || !"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
        throw unavailable(tableName, "enable TTL", e);
      }
      LOG.warn("DynamoDB endpoint does not support TTL; table {} keeps expired items", tableName);
    } catch (SdkException e) {
      throw unavailable(tableName, "enable TTL", e);
    }
  }

  @Override
  public Optional<ServerEntry> get(String name) {
    Map<String, AttributeValue> item =
        call(
            "read entry",
            () ->
                client
                    .getItem(b -> b.tableName(tableName).key(key(name)).consistentRead(true))
                    .item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public ServerEntry saveRegistration(ServerEntry entry, long expectedRevision, Instant now) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(now, "now");
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#reg", REGISTRATION);
    names.put("#rev", REVISION);
    names.put("#upd", UPDATED_AT);
    names.put("#pub", PUBLISHED_AT);
    names.put("#chg", CHANGED_AT);
    names.put("#gpk", GSI_PARTITION_KEY);
    names.put("#uk", BY_UPDATED_SORT_KEY);
    names.put("#ck", BY_CHANGE_SORT_KEY);
    values.put(":reg", items.registration(entry));
    values.put(":rev", AttributeValue.fromN(Long.toString(expectedRevision + 1)));
    values.put(":now", AttributeValue.fromS(RegistryTable.sortableTime(now)));
    values.put(":all", AttributeValue.fromS(ALL_SERVERS));
    values.put(":key", AttributeValue.fromS(RegistryTable.indexSortKey(now, entry.name())));
    String vectors;
    names.put("#vec", VECTORS);
    if (entry.vectors() != null) {
      values.put(":vec", items.vectors(entry.vectors()));
      vectors = ", #vec = :vec";
    } else {
      vectors = " REMOVE #vec";
    }
    String condition;
    if (expectedRevision == 0) {
      condition = "attribute_not_exists(#pk)";
      names.put("#pk", PARTITION_KEY);
    } else {
      condition = "#rev = :expected";
      values.put(":expected", AttributeValue.fromN(Long.toString(expectedRevision)));
    }
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key(entry.name()))
            .updateExpression(
                "SET #reg = :reg, #rev = :rev, #upd = :now, #pub = if_not_exists(#pub, :now), "
                    + "#chg = :now, #gpk = :all, #uk = :key, #ck = :key"
                    + vectors)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .returnValues(ReturnValue.ALL_NEW)
            .build();
    try {
      return read(call("save registration", () -> client.updateItem(request).attributes()));
    } catch (ConditionalCheckFailedException e) {
      throw new ConflictException(
          "Server '"
              + entry.name()
              + "' is not at revision "
              + expectedRevision
              + (expectedRevision == 0 ? " (it exists already)" : "")
              + "; read it again and retry");
    }
  }

  @Override
  public ServerEntry saveHealth(
      String name, Health health, List<Capability> discovered, Instant now) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(now, "now");
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#pk", PARTITION_KEY);
    names.put("#health", HEALTH);
    names.put("#chg", CHANGED_AT);
    names.put("#ck", BY_CHANGE_SORT_KEY);
    values.put(":health", items.health(health));
    values.put(":now", AttributeValue.fromS(RegistryTable.sortableTime(now)));
    values.put(":key", AttributeValue.fromS(RegistryTable.indexSortKey(now, name)));
    String update = "SET #health = :health, #chg = :now, #ck = :key";
    if (discovered != null) {
      names.put("#disc", DISCOVERED);
      values.put(":disc", items.discovered(discovered));
      update += ", #disc = :disc";
    }
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key(name))
            .updateExpression(update)
            .conditionExpression("attribute_exists(#pk)")
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .returnValues(ReturnValue.ALL_NEW)
            .build();
    try {
      return read(call("save health", () -> client.updateItem(request).attributes()));
    } catch (ConditionalCheckFailedException e) {
      throw new EntryNotFoundException(name);
    }
  }

  @Override
  public ServerEntry saveVectors(
      String name, EntryVectors vectors, long expectedRevision, Instant now) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(now, "now");
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key(name))
            .updateExpression("SET #vec = :vec, #chg = :now, #ck = :key")
            .conditionExpression("attribute_exists(#pk) AND #rev = :expected")
            .expressionAttributeNames(
                Map.of(
                    "#pk",
                    PARTITION_KEY,
                    "#vec",
                    VECTORS,
                    "#chg",
                    CHANGED_AT,
                    "#ck",
                    BY_CHANGE_SORT_KEY,
                    "#rev",
                    REVISION))
            .expressionAttributeValues(
                Map.of(
                    ":vec",
                    items.vectors(vectors),
                    ":now",
                    AttributeValue.fromS(RegistryTable.sortableTime(now)),
                    ":key",
                    AttributeValue.fromS(RegistryTable.indexSortKey(now, name)),
                    ":expected",
                    AttributeValue.fromN(Long.toString(expectedRevision))))
            .returnValues(ReturnValue.ALL_NEW)
            .build();
    try {
      return read(call("save vectors", () -> client.updateItem(request).attributes()));
    } catch (ConditionalCheckFailedException e) {
      if (get(name).isEmpty()) {
        throw new EntryNotFoundException(name);
      }
      throw new ConflictException(
          "Server '"
              + name
              + "' is not at revision "
              + expectedRevision
              + "; its vectors may be stale");
    }
  }

  @Override
  public Page<ServerEntry> listByUpdated(String cursor, int limit) {
    checkLimit(limit);
    Map<String, AttributeValue> start =
        cursor == null ? null : cursors.decode(cursor, BY_UPDATED_SORT_KEY);
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(BY_UPDATED_INDEX)
            .keyConditionExpression("#gpk = :all")
            .expressionAttributeNames(Map.of("#gpk", GSI_PARTITION_KEY))
            .expressionAttributeValues(Map.of(":all", AttributeValue.fromS(ALL_SERVERS)))
            .scanIndexForward(false);
    return page(query, start, limit, BY_UPDATED_SORT_KEY, this::read);
  }

  @Override
  public Page<Change> changesSince(Instant since, String cursor, int limit) {
    Objects.requireNonNull(since, "since");
    checkLimit(limit);
    String from = RegistryTable.indexSortKey(since, "");
    Map<String, AttributeValue> start =
        cursor == null ? null : cursors.decode(cursor, BY_CHANGE_SORT_KEY);
    if (start != null && start.get(BY_CHANGE_SORT_KEY).s().compareTo(from) < 0) {
      start = null;
    }
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(BY_CHANGE_INDEX)
            .keyConditionExpression("#gpk = :all AND #ck >= :from")
            .expressionAttributeNames(Map.of("#gpk", GSI_PARTITION_KEY, "#ck", BY_CHANGE_SORT_KEY))
            .expressionAttributeValues(
                Map.of(
                    ":all", AttributeValue.fromS(ALL_SERVERS), ":from", AttributeValue.fromS(from)))
            .scanIndexForward(true);
    return page(
        query,
        start,
        limit,
        BY_CHANGE_SORT_KEY,
        item -> new Change(read(item), items.changedAt(item)));
  }

  @Override
  public void appendHealthHistory(String name, HealthSample sample, Instant expiresAt) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PARTITION_KEY, AttributeValue.fromS(RegistryTable.entryKey(name)));
    item.put(SORT_KEY, AttributeValue.fromS(RegistryTable.historySortKey(sample.checkedAt())));
    item.put(RegistryTable.SAMPLE_CHECKED_AT, AttributeValue.fromS(sample.checkedAt().toString()));
    item.put(RegistryTable.SAMPLE_UP, AttributeValue.fromBool(sample.up()));
    if (sample.latencyMillis() != null) {
      item.put(
          RegistryTable.SAMPLE_LATENCY,
          AttributeValue.fromN(Long.toString(sample.latencyMillis())));
    }
    item.put(
        RegistryTable.TTL_ATTRIBUTE,
        AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    call("save health history", () -> client.putItem(b -> b.tableName(tableName).item(item)));
  }

  @Override
  public List<HealthSample> healthHistory(String name, Instant since) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(since, "since");
    Map<String, AttributeValue> values =
        Map.of(
            ":pk", AttributeValue.fromS(RegistryTable.entryKey(name)),
            ":from", AttributeValue.fromS(RegistryTable.historySortKey(since)),
            ":to", AttributeValue.fromS(RegistryTable.HISTORY_PREFIX + "~"));
    List<HealthSample> samples = new ArrayList<>();
    Map<String, AttributeValue> next = null;
    do {
      QueryRequest request =
          QueryRequest.builder()
              .tableName(tableName)
              .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
              .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#sk", SORT_KEY))
              .expressionAttributeValues(values)
              .exclusiveStartKey(next)
              .build();
      QueryResponse response = call("read health history", () -> client.query(request));
      for (Map<String, AttributeValue> item : response.items()) {
        samples.add(sample(item));
      }
      next =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey()
              : null;
    } while (next != null);
    return samples;
  }

  @Override
  public void saveVersion(ServerVersion version, boolean mustBeNew) {
    Objects.requireNonNull(version, "version");
    side.saveVersion(version, mustBeNew);
  }

  @Override
  public Optional<ServerVersion> getVersion(String name, String version) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    return side.getVersion(name, version);
  }

  @Override
  public List<ServerVersion> versions(String name) {
    Objects.requireNonNull(name, "name");
    return side.versions(name);
  }

  @Override
  public void appendAudit(AuditRecord record, Instant expiresAt) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(expiresAt, "expiresAt");
    side.appendAudit(record, expiresAt);
  }

  @Override
  public List<AuditRecord> audit(Instant since, int limit) {
    Objects.requireNonNull(since, "since");
    checkLimit(limit);
    return side.audit(since, limit, Instant.now());
  }

  private HealthSample sample(Map<String, AttributeValue> item) {
    try {
      AttributeValue latency = item.get(RegistryTable.SAMPLE_LATENCY);
      return new HealthSample(
          Instant.parse(item.get(RegistryTable.SAMPLE_CHECKED_AT).s()),
          Boolean.TRUE.equals(item.get(RegistryTable.SAMPLE_UP).bool()),
          latency == null ? null : Long.valueOf(latency.n()));
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(
          "DynamoDB table '" + tableName + "' holds an unreadable health" + " history item", e);
    }
  }

  /**
   * Queries until one item more than the page holds is found (or the index ends), so that the last
   * page never carries a cursor; the cursor is the key of the page's last item.
   */
  private <T> Page<T> page(
      QueryRequest.Builder query,
      Map<String, AttributeValue> start,
      int limit,
      String sortKey,
      Function<Map<String, AttributeValue>, T> convert) {
    List<Map<String, AttributeValue>> found = new ArrayList<>(limit + 1);
    Map<String, AttributeValue> next = start;
    do {
      QueryRequest request = query.exclusiveStartKey(next).limit(limit + 1 - found.size()).build();
      QueryResponse response = call("list entries", () -> client.query(request));
      found.addAll(response.items());
      next =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey()
              : null;
    } while (next != null && found.size() <= limit);
    boolean more = found.size() > limit;
    List<Map<String, AttributeValue>> pageItems = more ? found.subList(0, limit) : found;
    List<T> result = new ArrayList<>(pageItems.size());
    for (Map<String, AttributeValue> item : pageItems) {
      result.add(convert.apply(item));
    }
    return new Page<>(result, more ? cursors.encode(pageItems.get(limit - 1), sortKey) : null);
  }

  private ServerEntry read(Map<String, AttributeValue> item) {
    try {
      return items.toEntry(item);
    } catch (IllegalStateException e) {
      throw new StoreUnavailableException(
          "DynamoDB table '" + tableName + "' holds an unreadable entry item", e);
    }
  }

  private static Map<String, AttributeValue> key(String name) {
    return Map.of(
        PARTITION_KEY,
        AttributeValue.fromS(RegistryTable.entryKey(name)),
        SORT_KEY,
        AttributeValue.fromS(ENTRY_SORT_KEY));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /**
   * Runs one SDK call, turning every SDK error but a failed condition into {@link
   * StoreUnavailableException}.
   */
  private <T> T call(String action, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw unavailable(tableName, action, e);
    }
  }

  static StoreUnavailableException unavailable(String table, String action, SdkException e) {
    String reason;
    if (e instanceof ResourceNotFoundException) {
      reason = "table not found";
    } else if (e instanceof DynamoDbException d
        && d.awsErrorDetails() != null
        && d.awsErrorDetails().errorCode() != null) {
      reason = d.awsErrorDetails().errorCode() + ", HTTP " + d.statusCode();
    } else {
      reason = "DynamoDB could not be reached";
    }
    LOG.warn("DynamoDB {} on table {} failed: {}", action, table, reason);
    return new StoreUnavailableException(
        "Registry storage is unavailable (DynamoDB table '"
            + table
            + "', "
            + action
            + ": "
            + reason
            + ")",
        e);
  }
}
