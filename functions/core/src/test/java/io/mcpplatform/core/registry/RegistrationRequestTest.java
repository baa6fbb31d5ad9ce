package io.mcpplatform.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.FieldError;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.catalog.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationRequestTest {

  private static Map<String, Object> valid() {
    Map<String, Object> args = new HashMap<>();
    args.put("server_id", "weather-api");
    args.put("name", "Weather API");
    args.put("url", "https://weather.example.com/mcp");
    return args;
  }

  private static List<FieldError> errorsOf(Map<String, Object> args, UrlPolicy policy) {
    try {
      RegistrationRequest.fromArguments(args, policy);
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("expected a validation failure for " + args);
  }

  private static List<String> fieldsOf(Map<String, Object> args) {
    return errorsOf(args, UrlPolicy.HTTPS_ONLY).stream().map(FieldError::field).toList();
  }

  @Test
  void fromArguments_appliesSeedDefaults_whenOnlyRequiredFieldsGiven() {
    RegistrationRequest request = RegistrationRequest.fromArguments(valid(), UrlPolicy.HTTPS_ONLY);
    assertThat(request.version()).isEqualTo("1.0.0");
    assertThat(request.transport()).isEqualTo("streamable-http");
    assertThat(request.tags()).isEmpty();
    assertThat(request.capabilities()).isEmpty();
  }

  @Test
  void fromArguments_namesEveryMissingRequiredField() {
    assertThat(fieldsOf(new HashMap<>())).containsExactlyInAnyOrder("server_id", "name", "url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad id!", "", "with space", "x/", "/y", "ünïcode"})
  void fromArguments_rejectsServerId_whenOutsideSeedAndNamespacedPatterns(String id) {
    Map<String, Object> args = valid();
    args.put("server_id", id);
    assertThat(fieldsOf(args)).containsExactly("server_id");
  }

  @Test
  void fromArguments_rejectsServerId_whenLongerThan64Characters() {
    Map<String, Object> args = valid();
    args.put("server_id", "a".repeat(65));
    assertThat(errorsOf(args, UrlPolicy.HTTPS_ONLY).get(0).message()).contains("1 to 64");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "weather-api",
        "a",
        "Weather_API_2",
        "com.example/weather",
        "io.github.user/my-server"
      })
  void fromArguments_acceptsServerId_whenSeedOrNamespaced(String id) {
    Map<String, Object> args = valid();
    args.put("server_id", id);
    assertThat(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY).serverId())
        .isEqualTo(id);
  }

  @Test
  void fromArguments_rejectsName_whenBlankOrTooLong() {
    Map<String, Object> args = valid();
    args.put("name", "   ");
    assertThat(fieldsOf(args)).containsExactly("name");
    args.put("name", "n".repeat(129));
    assertThat(errorsOf(args, UrlPolicy.HTTPS_ONLY).get(0).message())
        .contains("1 to 128")
        .contains("129");
  }

  @Test
  void fromArguments_rejectsHttpUrl_onAws() {
    Map<String, Object> args = valid();
    args.put("url", "http://127.0.0.1:3000/maps/mcp");
    List<FieldError> errors = errorsOf(args, UrlPolicy.HTTPS_ONLY);
    assertThat(errors).extracting(FieldError::field).containsExactly("url");
    assertThat(errors.get(0).message()).isEqualTo("must use https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:3000/maps/mcp",
        "http://localhost:8080/mcp",
        "http://[::1]:3000/mcp",
        "http://127.8.9.10/mcp"
      })
  void fromArguments_acceptsHttpLoopbackUrl_inLocalMode(String url) {
    Map<String, Object> args = valid();
    args.put("url", url);
    assertThat(RegistrationRequest.fromArguments(args, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP).url())
        .isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/mcp",
        "http://10.0.0.1/mcp",
        "http://169.254.169.254/latest",
        "http://localhost.evil.com/mcp",
        "http://127.0.0.1.nip.io/mcp"
      })
  void fromArguments_rejectsHttpNonLoopbackUrl_inLocalMode(String url) {
    Map<String, Object> args = valid();
    args.put("url", url);
    List<FieldError> errors = errorsOf(args, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP);
    assertThat(errors).extracting(FieldError::field).containsExactly("url");
    assertThat(errors.get(0).message()).contains("loopback");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/mcp",
        "not a url",
        "/relative/mcp",
        "https://user:pw@example.com/mcp",
        "https://example.com/mcp#frag",
        "file:///etc/passwd",
        "javascript:alert(1)"
      })
  void fromArguments_rejectsUrl_whenNotAPlainHttpsEndpoint(String url) {
    Map<String, Object> args = valid();
    args.put("url", url);
    assertThat(fieldsOf(args)).containsExactly("url");
  }

  @Test
  void fromArguments_boundsDescriptionLength() {
    Map<String, Object> args = valid();
    args.put("description", "d".repeat(RegistrationRequest.MAX_DESCRIPTION + 1));
    assertThat(fieldsOf(args)).containsExactly("description");
  }

  @Test
  void fromArguments_boundsTagCountAndNamesTheBadTag() {
    Map<String, Object> args = valid();
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= RegistrationRequest.MAX_TAGS; i++) {
      many.add("t" + i);
    }
    args.put("tags", many);
    assertThat(fieldsOf(args)).containsExactly("tags");
    args.put("tags", List.of("weather", "<script>", "x".repeat(41)));
    assertThat(fieldsOf(args)).containsExactly("tags[1]", "tags[2]");
    args.put("tags", List.of("weather", 7));
    assertThat(fieldsOf(args)).containsExactly("tags[1]");
    args.put("tags", "weather");
    assertThat(fieldsOf(args)).containsExactly("tags");
  }

  @Test
  void fromArguments_deduplicatesTagsCaseInsensitively() {
    Map<String, Object> args = valid();
    args.put("tags", List.of("Weather", "weather ", "forecast"));
    assertThat(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY).tags())
        .containsExactly("Weather", "forecast");
  }

  @Test
  void fromArguments_checksEachCapabilityField() {
    Map<String, Object> args = valid();
    args.put(
        "capabilities",
        List.of(
            Map.of("name", "get_forecast", "type", "tool", "description", "Forecast"),
            Map.of("type", "tool"),
            Map.of("name", "x", "type", "widget"),
            Map.of("name", "y", "description", "d".repeat(1001)),
            Map.of("name", "z", "colour", "red"),
            "not an object"));
    assertThat(fieldsOf(args))
        .containsExactly(
            "capabilities[1].name",
            "capabilities[2].type",
            "capabilities[3].description",
            "capabilities[4].colour",
            "capabilities[5]");
  }

  @Test
  void fromArguments_keepsAToolsInputSchema_inCanonicalForm() {
    Map<String, Object> args = valid();
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("days", Map.of("type", "integer", "maximum", 16)),
            "required",
            List.of("days"));
    args.put("capabilities", List.of(Map.of("name", "get_forecast", "inputSchema", schema)));

    Capability tool =
        RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY).capabilities().get(0);

    // integers read as Long, whatever the parser gave
    assertThat(tool.inputSchema())
        .isEqualTo(
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("days", Map.of("type", "integer", "maximum", 16L)),
                "required",
                List.of("days")));
    assertThat(tool.withoutInputSchema()).isEqualTo(new Capability("get_forecast", "tool", null));
  }

  @Test
  void fromArguments_namesEachBadInputSchema() {
    Map<String, Object> args = valid();
    Map<String, Object> deep = Map.of("type", "object");
    for (int i = 0; i < InputSchemas.MAX_DEPTH; i++) {
      deep = Map.of("not", deep);
    }
    args.put(
        "capabilities",
        List.of(
            Map.of("name", "ok", "inputSchema", Map.of("type", "object")),
            Map.of("name", "text", "inputSchema", "{\"type\": \"object\"}"),
            Map.of("name", "array", "inputSchema", List.of()),
            Map.of("name", "big", "inputSchema", Map.of("description", "x".repeat(20_000))),
            Map.of("name", "deep", "inputSchema", deep),
            Map.of("name", "docs", "type", "resource", "inputSchema", Map.of())));

    List<FieldError> errors = errorsOf(args, UrlPolicy.HTTPS_ONLY);

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "capabilities[1].inputSchema",
            "capabilities[2].inputSchema",
            "capabilities[3].inputSchema",
            "capabilities[4].inputSchema",
            "capabilities[5].inputSchema");
    assertThat(errors.get(0).message()).startsWith("must be a JSON object");
    assertThat(errors.get(2).message())
        .isEqualTo("must be at most 16384 bytes as compact JSON (got 20018)");
    assertThat(errors.get(3).message()).isEqualTo("must nest at most 32 levels deep (got 33)");
    assertThat(errors.get(4).message()).contains("tools only");
  }

  @Test
  void fromArguments_boundsTheInputSchemasOfAllCapabilitiesTogether() {
    Map<String, Object> args = valid();
    List<Map<String, Object>> caps = new ArrayList<>();
    Map<String, Object> fifteenKb = Map.of("description", "x".repeat(15 * 1024));
    for (int i = 0; i < 5; i++) {
      caps.add(Map.of("name", "tool" + i, "inputSchema", fifteenKb));
    }
    args.put("capabilities", caps);

    List<FieldError> errors = errorsOf(args, UrlPolicy.HTTPS_ONLY);

    assertThat(errors).extracting(FieldError::field).containsExactly("capabilities");
    assertThat(errors.get(0).message())
        .startsWith("must carry input schemas of at most 65536 bytes together");
    caps.remove(4);
    assertThat(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY).capabilities())
        .hasSize(4)
        .allMatch(c -> c.inputSchema() != null);
  }

  @Test
  void fromArguments_boundsCapabilityCount() {
    Map<String, Object> args = valid();
    List<Map<String, Object>> caps = new ArrayList<>();
    for (int i = 0; i <= RegistrationRequest.MAX_CAPABILITIES; i++) {
      caps.add(Map.of("name", "tool" + i));
    }
    args.put("capabilities", caps);
    assertThat(fieldsOf(args)).containsExactly("capabilities");
  }

  @Test
  void fromArguments_defaultsCapabilityTypeToTool() {
    Map<String, Object> args = valid();
    args.put("capabilities", List.of(Map.of("name", "get_forecast")));
    assertThat(RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY).capabilities())
        .containsExactly(new Capability("get_forecast", "tool", null));
  }

  @Test
  void fromArguments_rejectsUnknownArgumentsAndWrongTypes() {
    Map<String, Object> args = valid();
    args.put("colour", "blue");
    args.put("version", 2);
    assertThat(fieldsOf(args)).containsExactlyInAnyOrder("colour", "version");
  }

  @Test
  void fromArguments_rejectsVersionLatest() {
    Map<String, Object> args = valid();
    args.put("version", "latest");
    assertThat(fieldsOf(args)).containsExactly("version");
  }

  @Test
  void fromArguments_reportsEveryBadFieldAtOnce() {
    Map<String, Object> args = new HashMap<>();
    args.put("server_id", "bad id");
    args.put("name", "");
    args.put("url", "http://example.com");
    ValidationException e = (ValidationException) catchValidation(args);
    assertThat(e.errors()).hasSize(3);
    assertThat(e.getMessage()).contains("server_id:").contains("name:").contains("url:");
  }

  @Test
  void toEntry_keepsHealthAndHistory_whenUpdatingAnExistingEntry() {
    RegistrationRequest request = RegistrationRequest.fromArguments(valid(), UrlPolicy.HTTPS_ONLY);
    Instant published = Instant.parse("2026-01-01T00:00:00Z");
    Health health = new Health(HealthStatus.HEALTHY, published, 12L, "2025-06-18", 0, null);
    ServerEntry existing =
        request
            .toEntry(null)
            .withHealth(health)
            .withDiscoveredCapabilities(List.of(new Capability("found", "tool", null)))
            .withBookkeeping(published, published, 4);
    ServerEntry updated = request.toEntry(existing);
    assertThat(updated.health()).isEqualTo(health);
    assertThat(updated.discoveredCapabilities())
        .extracting(Capability::name)
        .containsExactly("found");
    assertThat(updated.publishedAt()).isEqualTo(published);
    assertThat(updated.revision()).isEqualTo(4);
  }

  @Test
  void outcomeMessage_followsSeedWording() {
    ServerEntry entry =
        RegistrationRequest.fromArguments(valid(), UrlPolicy.HTTPS_ONLY).toEntry(null);
    assertThat(new RegistrationOutcome(entry, true).message())
        .isEqualTo("Server 'Weather API' registered successfully with ID: weather-api");
    assertThat(new RegistrationOutcome(entry, false).message())
        .isEqualTo("Server 'Weather API' updated successfully with ID: weather-api");
  }

  private static RuntimeException catchValidation(Map<String, Object> args) {
    try {
      RegistrationRequest.fromArguments(args, UrlPolicy.HTTPS_ONLY);
      throw new AssertionError("expected a validation failure");
    } catch (ValidationException e) {
      return e;
    }
  }

  @Test
  void validationException_requiresAtLeastOneError() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
