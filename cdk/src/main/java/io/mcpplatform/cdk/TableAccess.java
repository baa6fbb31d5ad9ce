package io.mcpplatform.cdk;

import io.mcpplatform.aws.geo.DynamoDbGeocodeCache;
import io.mcpplatform.aws.store.RegistryTable;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Each function's access to the registry table: exactly the item actions its code calls, on the
 * items whose partition key starts with the prefixes it owns ({@code dynamodb:LeadingKeys}), and
 * {@code Query} on the listing indexes it reads. No function may Scan, delete, batch or read
 * streams.
 *
 * <p>Index queries carry no key condition: the listing indexes' partition key is the constant
 * {@code SERVERS}, and an index is read-only, so the grant gives nothing beyond reading the entries
 * the function already reads by key.
 */
public final class TableAccess {

  /** Registry entries, their health history and versions ({@code SERVER#<name>}). */
  public static final String SERVERS = RegistryTable.SERVER_PREFIX + "*";

  /** The registry's audit trail ({@code AUDIT#<day>}). */
  public static final String AUDIT = RegistryTable.AUDIT_PREFIX + "*";

  /** The maps function's geocode cache ({@code GEOCODE#<key>}). */
  public static final String GEOCODE = DynamoDbGeocodeCache.KEY_PREFIX + "*";

  /**
   * The maps function's counters (per-caller limits, the daily cap on Google calls): items whose
   * partition key starts with {@value #COUNTER_PREFIX}, read and updated atomically.
   */
  public static final String COUNTER_PREFIX = "COUNTER#";

  /** {@link #COUNTER_PREFIX} as a LeadingKeys pattern. */
  public static final String COUNTERS = COUNTER_PREFIX + "*";

  private static final String GET = "dynamodb:GetItem";
  private static final String PUT = "dynamodb:PutItem";
  private static final String UPDATE = "dynamodb:UpdateItem";
  private static final String QUERY = "dynamodb:Query";

  private TableAccess() {}

  /**
   * Registry: reads and writes entries (conditional updates), versions, health history and audit
   * items; lists through both indexes.
   *
   * @param table the registry table
   * @param role the registry's role
   */
  static void registry(Table table, IRole role) {
    items(table, role, List.of(GET, PUT, UPDATE, QUERY), List.of(SERVERS, AUDIT));
    indexes(table, role, RegistryTable.BY_UPDATED_INDEX, RegistryTable.BY_CHANGE_INDEX);
  }

  /**
   * Maps: one cache item read or written per lookup; counters read and incremented.
   *
   * @param table the registry table
   * @param role the maps function's role
   */
  static void maps(Table table, IRole role) {
    items(table, role, List.of(GET, PUT), List.of(GEOCODE));
    items(table, role, List.of(GET, UPDATE), List.of(COUNTERS));
  }

  /**
   * Health checker: lists entries by registration time, reads one, writes its health with a
   * conditional update and appends history items in the entry's partition.
   *
   * @param table the registry table
   * @param role the health checker's role
   */
  static void healthChecker(Table table, IRole role) {
    items(table, role, List.of(GET, PUT, UPDATE, QUERY), List.of(SERVERS));
    indexes(table, role, RegistryTable.BY_UPDATED_INDEX);
  }

  private static void items(
      Table table, IRole role, List<String> actions, List<String> leadingKeys) {
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .effect(Effect.ALLOW)
            .actions(actions)
            .resources(List.of(table.getTableArn()))
            .conditions(
                Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", leadingKeys)))
            .build());
  }

  private static void indexes(Table table, IRole role, String... names) {
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .effect(Effect.ALLOW)
            .actions(List.of(QUERY))
            .resources(
                java.util.Arrays.stream(names)
                    .map(n -> table.getTableArn() + "/index/" + n)
                    .toList())
            .build());
  }
}
