package io.mcpplatform.aws.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opaque page cursors: the base64url JSON of the last returned item's key in a listing index (what
 * DynamoDB calls {@code LastEvaluatedKey}), checked on the way back in so a forged cursor never
 * reaches a query.
 */
final class PageCursors {

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final Pattern INDEX_SORT_KEY =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#(.+)", Pattern.DOTALL);
  private static final int MAX_CURSOR_LENGTH = 4096;

  private final JsonMapper mapper = JsonMapper.builder().build();

  /**
   * @param item an item returned by a query of the index
   * @param sortKey the index's sort key attribute
   * @return the cursor that continues after this item
   */
  String encode(Map<String, AttributeValue> item, String sortKey) {
    Map<String, String> key = new LinkedHashMap<>();
    for (String attribute : keyAttributes(sortKey)) {
      key.put(attribute, item.get(attribute).s());
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mapper.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param cursor a cursor from {@link #encode}
   * @param sortKey the sort key attribute of the index being queried
   * @return the exclusive start key
   * @throws IllegalArgumentException when the cursor was not issued for this index
   */
  Map<String, AttributeValue> decode(String cursor, String sortKey) {
    if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
      throw invalid(null);
    }
    Map<String, String> key;
    try {
      key = mapper.readValue(Base64.getUrlDecoder().decode(cursor), STRING_MAP);
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid(e);
    }
    if (key == null
        || !key.keySet().equals(Set.of(keyAttributes(sortKey)))
        || key.values().stream().anyMatch(v -> v == null || v.isEmpty())) {
      throw invalid(null);
    }
    String pk = key.get(RegistryTable.PARTITION_KEY);
    Matcher sort = INDEX_SORT_KEY.matcher(key.get(sortKey));
    if (!pk.startsWith(RegistryTable.SERVER_PREFIX)
        || !RegistryTable.ENTRY_SORT_KEY.equals(key.get(RegistryTable.SORT_KEY))
        || !RegistryTable.ALL_SERVERS.equals(key.get(RegistryTable.GSI_PARTITION_KEY))
        || !sort.matches()
        || !sort.group(1).equals(pk.substring(RegistryTable.SERVER_PREFIX.length()))) {
      throw invalid(null);
    }
    Map<String, AttributeValue> start = new LinkedHashMap<>();
    key.forEach((attribute, value) -> start.put(attribute, AttributeValue.fromS(value)));
    return start;
  }

  private static String[] keyAttributes(String sortKey) {
    return new String[] {
      RegistryTable.PARTITION_KEY, RegistryTable.SORT_KEY, RegistryTable.GSI_PARTITION_KEY, sortKey
    };
  }

  private static IllegalArgumentException invalid(Exception cause) {
    return new IllegalArgumentException("cursor is not valid", cause);
  }
}
