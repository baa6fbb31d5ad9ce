package io.mcpplatform.aws.store;

import static io.mcpplatform.aws.store.RegistryTable.PARTITION_KEY;
import static io.mcpplatform.aws.store.RegistryTable.SORT_KEY;

import io.mcpplatform.core.catalog.AuditRecord;
import io.mcpplatform.core.catalog.ServerVersion;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The items a {@link DynamoDbRegistryStore} keeps beside its entries: server versions ({@code pk =
 * SERVER#<name>}, {@code sk = VERSION#<version>}) and audit records ({@code pk = AUDIT#<day>},
 * {@code sk = <time>#<id>}, expiring through the TTL attribute). Neither carries an index key, so
 * no listing shows them.
 */
final class SideItems {

  private static final String BODY = RegistryTable.SIDE_ITEM_BODY;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  /** Audit queries look back at most this many days (the audit TTL is shorter). */
  private static final int MAX_AUDIT_DAYS = 400;

  /** Most characters of audit records one read returns. */
  static final int MAX_AUDIT_BYTES = 2_000_000;

  private final DynamoDbClient client;
  private final String tableName;
  private final JsonMapper mapper =
      JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  SideItems(DynamoDbClient client, String tableName) {
    this.client = client;
    this.tableName = tableName;
  }

  void saveVersion(ServerVersion version, boolean mustBeNew) {
    Map<String, AttributeValue> item = new HashMap<>(versionKey(version.name(), version.version()));
    item.put(BODY, AttributeValue.fromS(mapper.writeValueAsString(version)));
    PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(item);
    if (mustBeNew) {
      put.conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", PARTITION_KEY));
    }
    try {
      client.putItem(put.build());
    } catch (ConditionalCheckFailedException e) {
      throw new ConflictException(
          "Version " + version.version() + " of server '" + version.name() + "' exists already");
    } catch (SdkException e) {
      throw DynamoDbRegistryStore.unavailable(tableName, "save version", e);
    }
  }

  Optional<ServerVersion> getVersion(String name, String version) {
    Map<String, AttributeValue> item;
    try {
      item =
          client
              .getItem(
                  b -> b.tableName(tableName).key(versionKey(name, version)).consistentRead(true))
              .item();
    } catch (SdkException e) {
      throw DynamoDbRegistryStore.unavailable(tableName, "read version", e);
    }
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(read(item, ServerVersion.class));
  }

  List<ServerVersion> versions(String name) {
    List<ServerVersion> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        queryAll(
            RegistryTable.entryKey(name),
            RegistryTable.VERSION_PREFIX,
            true,
            Integer.MAX_VALUE,
            "read versions")) {
      out.add(read(item, ServerVersion.class));
    }
    return out;
  }

  void appendAudit(AuditRecord record, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PARTITION_KEY, AttributeValue.fromS(auditPartition(record.at())));
    item.put(
        SORT_KEY,
        AttributeValue.fromS(RegistryTable.sortableTime(record.at()) + "#" + record.id()));
    item.put(BODY, AttributeValue.fromS(mapper.writeValueAsString(record)));
    item.put(
        RegistryTable.TTL_ATTRIBUTE,
        AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    try {
      client.putItem(b -> b.tableName(tableName).item(item));
    } catch (SdkException e) {
      throw DynamoDbRegistryStore.unavailable(tableName, "save audit record", e);
    }
  }

  /**
   * Reads one day partition after another, newest first, until the limit, the lower bound or
   * {@value #MAX_AUDIT_BYTES} bytes of records is reached (a Lambda response holds at most 6 MB,
   * and old records may be large).
   */
  List<AuditRecord> audit(Instant since, int limit, Instant now) {
    List<AuditRecord> out = new ArrayList<>();
    long bytes = 0;
    Instant day =
        (now.isAfter(since) ? now : since).plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    Instant first = since.truncatedTo(ChronoUnit.DAYS);
    for (int i = 0; i < MAX_AUDIT_DAYS && !day.isBefore(first) && out.size() < limit; i++) {
      for (Map<String, AttributeValue> item :
          queryAll(auditPartition(day), null, false, limit - out.size(), "read audit log")) {
        AttributeValue body = item.get(BODY);
        bytes += body == null || body.s() == null ? 0 : body.s().length();
        if (bytes > MAX_AUDIT_BYTES) {
          return out;
        }
        AuditRecord record = read(item, AuditRecord.class);
        if (!record.at().isBefore(since)) {
          out.add(record);
        }
      }
      day = day.minus(1, ChronoUnit.DAYS);
    }
    return out;
  }

  private List<Map<String, AttributeValue>> queryAll(
      String pk, String sortPrefix, boolean forward, int max, String action) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#pk", PARTITION_KEY);
    values.put(":pk", AttributeValue.fromS(pk));
    String condition = "#pk = :pk";
    if (sortPrefix != null) {
      names.put("#sk", SORT_KEY);
      values.put(":prefix", AttributeValue.fromS(sortPrefix));
      condition += " AND begins_with(#sk, :prefix)";
    }
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    Map<String, AttributeValue> next = null;
    do {
      QueryRequest request =
          QueryRequest.builder()
              .tableName(tableName)
              .keyConditionExpression(condition)
              .expressionAttributeNames(names)
              .expressionAttributeValues(values)
              .scanIndexForward(forward)
              .exclusiveStartKey(next)
              .limit(Math.max(1, Math.min(max - found.size(), 1000)))
              .build();
      QueryResponse response;
      try {
        response = client.query(request);
      } catch (SdkException e) {
        throw DynamoDbRegistryStore.unavailable(tableName, action, e);
      }
      for (Map<String, AttributeValue> item : response.items()) {
        if (found.size() < max) {
          found.add(item);
        }
      }
      next =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey()
              : null;
    } while (next != null && found.size() < max);
    return found;
  }

  private <T> T read(Map<String, AttributeValue> item, Class<T> type) {
    AttributeValue body = item.get(BODY);
    try {
      if (body == null || body.s() == null) {
        throw new IllegalStateException("no body");
      }
      return mapper.readValue(body.s(), type);
    } catch (JacksonException
        | IllegalStateException
        | IllegalArgumentException
        | NullPointerException e) {
      throw new StoreUnavailableException(
          "DynamoDB table '"
              + tableName
              + "' holds an unreadable "
              + type.getSimpleName()
              + " item",
          e);
    }
  }

  private static Map<String, AttributeValue> versionKey(String name, String version) {
    return Map.of(
        PARTITION_KEY,
        AttributeValue.fromS(RegistryTable.entryKey(name)),
        SORT_KEY,
        AttributeValue.fromS(RegistryTable.VERSION_PREFIX + version));
  }

  private static String auditPartition(Instant at) {
    return RegistryTable.AUDIT_PREFIX + DAY.format(at);
  }
}
