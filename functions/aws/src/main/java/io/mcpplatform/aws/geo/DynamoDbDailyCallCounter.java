package io.mcpplatform.aws.geo;

import io.mcpplatform.core.geo.DailyCallCounter;
import io.mcpplatform.core.store.StoreUnavailableException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A day's calls counted in the registry's single table: one item per service and UTC day, {@code pk
 * = COUNTER#<service>#<yyyy-MM-dd>}, {@code sk = COUNT}, the count in {@code calls}, removed by
 * DynamoDB's TTL ({@code expiresAt}) two days after the day ends. Each count is one conditional
 * {@code UpdateItem} ({@code ADD calls :one} if {@code calls < :cap}), atomic across every Lambda
 * instance; no read comes first. The function needs {@code dynamodb:UpdateItem} on keys starting
 * with {@value #KEY_PREFIX}{@code <service>#} and nothing else for this.
 */
public final class DynamoDbDailyCallCounter implements DailyCallCounter {

  /** Partition key prefix of counter items. */
  public static final String KEY_PREFIX = "COUNTER#";

  /** Sort key of counter items. */
  public static final String SORT_KEY_VALUE = "COUNT";

  private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]{1,32}");
  private static final long KEEP_SECONDS = 3 * 86_400L;

  private final DynamoDbClient client;
  private final String table;
  private final String service;

  /**
   * @param client a client built once per process
   * @param table the table name (key attributes {@code pk}/{@code sk})
   * @param service the counted service's name in the key, lower-case letters, digits and dashes
   *     ({@code google})
   */
  public DynamoDbDailyCallCounter(DynamoDbClient client, String table, String service) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
    if (service == null || !SERVICE.matcher(service).matches()) {
      throw new IllegalArgumentException(
          "service must be 1 to 32 lower-case letters, digits or dashes");
    }
    this.service = service;
  }

  /**
   * @param service the counted service
   * @param day the UTC day
   * @return the partition key of that day's counter
   */
  public static String partitionKey(String service, LocalDate day) {
    return KEY_PREFIX + service + "#" + day;
  }

  @Override
  public boolean tryCount(LocalDate day, long cap) {
    if (cap <= 0) {
      return false;
    }
    long expiresAt = day.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + KEEP_SECONDS;
    try {
      client.updateItem(
          b ->
              b.tableName(table)
                  .key(
                      Map.of(
                          "pk",
                          AttributeValue.fromS(partitionKey(service, day)),
                          "sk",
                          AttributeValue.fromS(SORT_KEY_VALUE)))
                  .updateExpression("ADD calls :one SET expiresAt = :expires")
                  .conditionExpression("attribute_not_exists(calls) OR calls < :cap")
                  .expressionAttributeValues(
                      Map.of(
                          ":one", AttributeValue.fromN("1"),
                          ":cap", AttributeValue.fromN(Long.toString(cap)),
                          ":expires", AttributeValue.fromN(Long.toString(expiresAt)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new StoreUnavailableException(
          "the daily " + service + " call counter could not be updated", e);
    }
  }
}
