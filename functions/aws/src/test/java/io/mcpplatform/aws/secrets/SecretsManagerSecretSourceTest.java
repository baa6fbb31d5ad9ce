package io.mcpplatform.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The source against a loopback server speaking Secrets Manager's AWS JSON 1.1 protocol. */
class SecretsManagerSecretSourceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Reply(int status, String body) {}

  private HttpServer server;
  private SecretsManagerClient client;
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final List<String> secretIds = new CopyOnWriteArrayList<>();
  private volatile Map<String, Reply> secrets = Map.of();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    client = SecretsManagerClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    targets.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
        + exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    String id = request.path("SecretId").asString("");
    secretIds.add(id);
    Reply reply = secrets.getOrDefault(id, new Reply(400,
        "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Reply found(String name, String value) {
    return new Reply(200, "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf\","
        + "\"Name\":\"" + name + "\",\"SecretString\":\"" + value + "\","
        + "\"VersionId\":\"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1\",\"VersionStages\":[\"AWSCURRENT\"],"
        + "\"CreatedDate\":1.523477145713E9}");
  }

  @Test
  void secret_returnsTheSecretString_viaGetSecretValue() {
    secrets = Map.of("maps/google-api-key", found("maps/google-api-key", "AIza-test-value"));
    String value = new SecretsManagerSecretSource(client).secret("maps/google-api-key");
    assertThat(value).isEqualTo("AIza-test-value");
    assertThat(targets).containsExactly("POST / secretsmanager.GetSecretValue");
    assertThat(secretIds).containsExactly("maps/google-api-key");
  }

  @Test
  void secret_isNotFound_onResourceNotFoundException() {
    assertThatThrownBy(() -> new SecretsManagerSecretSource(client).secret("missing"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("\"missing\" does not exist");
  }

  @Test
  void secret_isNotFound_whenTheSecretIsBinary() {
    secrets = Map.of("binary", new Reply(200, "{\"ARN\":\"arn:x\",\"Name\":\"binary\",\"SecretBinary\":\"AAEC\","
        + "\"VersionId\":\"v1\"}"));
    assertThatThrownBy(() -> new SecretsManagerSecretSource(client).secret("binary"))
        .isInstanceOf(SecretNotFoundException.class).hasMessageContaining("no text value");
  }

  @Test
  void secret_isUnavailableNamingTheErrorCode_whenAccessIsDenied() {
    secrets = Map.of("locked", new Reply(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"User is not "
        + "authorized to perform: secretsmanager:GetSecretValue\"}"));
    assertThatThrownBy(() -> new SecretsManagerSecretSource(client).secret("locked"))
        .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("AccessDeniedException");
  }

  @Test
  void secret_isUnavailable_onAServiceError() {
    secrets = Map.of("flaky", new Reply(500, "{\"__type\":\"InternalServiceError\",\"message\":\"boom\"}"));
    assertThatThrownBy(() -> new SecretsManagerSecretSource(client).secret("flaky"))
        .isInstanceOf(SecretUnavailableException.class);
  }

  @Test
  void cachedProvider_readsSecretsManagerOnce_untilInvalidated() {
    secrets = Map.of("k", found("k", "v1"));
    CachedSecretProvider provider =
        new CachedSecretProvider(new SecretsManagerSecretSource(client), "k", Duration.ofMinutes(5));
    provider.get();
    provider.get();
    assertThat(secretIds).hasSize(1);
    secrets = Map.of("k", found("k", "v2"));
    provider.invalidate();
    assertThat(provider.get()).isEqualTo("v2");
    assertThat(secretIds).hasSize(2);
  }
}
