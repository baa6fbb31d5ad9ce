package io.mcpplatform.aws.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single-table layout of the registry in DynamoDB: key, index and attribute names, and the
 * table definition. The CDK stack builds the same table from these constants.
 *
 * <p>An entry is one item, {@code pk = SERVER#<name>}, {@code sk = ENTRY}. Registration fields live
 * in the {@code registration} attribute (JSON) and health fields in {@code health} and {@code
 * discovered} (JSON), so a registration and a health check each update only their own attributes.
 * Two sparse global secondary indexes share the constant partition {@code gsiPk = SERVERS}: {@code
 * byUpdated} sorted by {@code updatedAt#name} and {@code byChange} sorted by {@code
 * changedAt#name}; times are written with a fixed width so that text order is time order. Items of
 * other kinds (health history) expire through the TTL attribute {@code expiresAt} (epoch seconds).
 */
public final class RegistryTable {

  /** Table partition key (S). */
  public static final String PARTITION_KEY = "pk";

  /** Table sort key (S). */
  public static final String SORT_KEY = "sk";

  /** Prefix of an entry's partition key, followed by the entry name. */
  public static final String SERVER_PREFIX = "SERVER#";

  /** Sort key of the entry item itself. */
  public static final String ENTRY_SORT_KEY = "ENTRY";

  /**
   * Prefix of a health history item's sort key, followed by the check time (fixed width): such
   * items share the entry's partition, carry no index key (so no listing shows them) and expire
   * through {@link #TTL_ATTRIBUTE}.
   */
  public static final String HISTORY_PREFIX = "HEALTH#";

  /**
   * Prefix of a server version item's sort key, followed by the version: such items share the
   * entry's partition, carry no index key and hold the version as JSON in {@link #SIDE_ITEM_BODY}.
   */
  public static final String VERSION_PREFIX = "VERSION#";

  /**
   * Prefix of an audit partition key, followed by the day ({@code uuuu-MM-dd}, UTC); the sort key
   * is {@code <time>#<id>}, the record is JSON in {@link #SIDE_ITEM_BODY}, and it expires through
   * {@link #TTL_ATTRIBUTE}.
   */
  public static final String AUDIT_PREFIX = "AUDIT#";

  /** Version and audit items: the record as JSON (S). */
  public static final String SIDE_ITEM_BODY = "body";

  /** Health history item: whether the check succeeded (BOOL). */
  public static final String SAMPLE_UP = "up";

  /** Health history item: latency in milliseconds (N), absent when the check failed. */
  public static final String SAMPLE_LATENCY = "latencyMillis";

  /** Health history item: check time (S, ISO-8601). */
  public static final String SAMPLE_CHECKED_AT = "checkedAt";

  /** Partition key (S) of both listing indexes. */
  public static final String GSI_PARTITION_KEY = "gsiPk";

  /** The one value of {@link #GSI_PARTITION_KEY}: every entry item is listed. */
  public static final String ALL_SERVERS = "SERVERS";

  /** Index of entries by registration time. */
  public static final String BY_UPDATED_INDEX = "byUpdated";

  /** Sort key (S) of {@link #BY_UPDATED_INDEX}: {@code <updatedAt>#<name>}. */
  public static final String BY_UPDATED_SORT_KEY = "updatedKey";

  /** Index of entries by latest change (registration or health). */
  public static final String BY_CHANGE_INDEX = "byChange";

  /** Sort key (S) of {@link #BY_CHANGE_INDEX}: {@code <changedAt>#<name>}. */
  public static final String BY_CHANGE_SORT_KEY = "changedKey";

  /** TTL attribute (N, epoch seconds) of items that expire. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** Registration fields as JSON (S). */
  public static final String REGISTRATION = "registration";

  /** Health as JSON (S). */
  public static final String HEALTH = "health";

  /** Discovered capabilities as a JSON array (S). */
  public static final String DISCOVERED = "discovered";

  /**
   * Entry item attribute: the embeddings of the entry's texts (JSON of {@code EntryVectors}),
   * optional.
   */
  public static final String VECTORS = "vectors";

  /** Registration revision (N). */
  public static final String REVISION = "revision";

  /** First registration time (S). */
  public static final String PUBLISHED_AT = "publishedAt";

  /** Last registration time (S). */
  public static final String UPDATED_AT = "updatedAt";

  /** Last change time, registration or health (S). */
  public static final String CHANGED_AT = "changedAt";

  private static final DateTimeFormatter SORTABLE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private RegistryTable() {}

  /**
   * @param tableName the table name
   * @return the request that creates the table with both indexes, billed on demand
   */
  public static CreateTableRequest createTableRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            stringAttribute(PARTITION_KEY),
            stringAttribute(SORT_KEY),
            stringAttribute(GSI_PARTITION_KEY),
            stringAttribute(BY_UPDATED_SORT_KEY),
            stringAttribute(BY_CHANGE_SORT_KEY))
        .keySchema(key(PARTITION_KEY, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
        .globalSecondaryIndexes(
            index(BY_UPDATED_INDEX, BY_UPDATED_SORT_KEY),
            index(BY_CHANGE_INDEX, BY_CHANGE_SORT_KEY))
        .build();
  }

  /**
   * @return the partition key value of an entry
   */
  static String entryKey(String name) {
    return SERVER_PREFIX + name;
  }

  /**
   * @return the sort key of a health history item
   */
  static String historySortKey(Instant checkedAt) {
    return HISTORY_PREFIX + sortableTime(checkedAt);
  }

  /**
   * @return a time as fixed-width text whose order is the time order
   */
  static String sortableTime(Instant time) {
    return SORTABLE_TIME.format(time);
  }

  /**
   * @return the sort key of an entry in a listing index
   */
  static String indexSortKey(Instant time, String name) {
    return sortableTime(time) + "#" + name;
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static GlobalSecondaryIndex index(String name, String sortKey) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(key(GSI_PARTITION_KEY, KeyType.HASH), key(sortKey, KeyType.RANGE))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
