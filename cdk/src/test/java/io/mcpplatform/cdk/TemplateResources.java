package io.mcpplatform.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lookups in a synthesized template's {@code Resources}, shared by the template tests.
 *
 * @param resources the template's Resources object
 */
record TemplateResources(JsonNode resources) {

  /**
   * @param type a CloudFormation type
   * @return the resources of that type, logical id to resource, in template order
   */
  List<Map.Entry<String, JsonNode>> ofType(String type) {
    List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
    resources
        .fields()
        .forEachRemaining(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                found.add(e);
              }
            });
    return found;
  }

  /**
   * @param type a CloudFormation type
   * @param pathFragment part of the logical id
   * @return the logical id of the first resource of that type whose id contains the fragment
   */
  String logicalIdOf(String type, String pathFragment) {
    return ofType(type).stream()
        .filter(e -> e.getKey().contains(pathFragment))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " like " + pathFragment));
  }
}
