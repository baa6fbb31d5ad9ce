package io.mcpplatform.aws.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in for Secrets Manager speaking its AWS JSON 1.1 protocol ({@code X-Amz-Target:
 * secretsmanager.*}), with the service's staging-label semantics for the two calls the platform and
 * its operators use: {@code GetSecretValue} (by {@code VersionStage} or {@code VersionId}, {@code
 * AWSCURRENT} by default) and {@code PutSecretValue} (a new version takes {@code AWSCURRENT}; the
 * version that held it becomes {@code AWSPREVIOUS}, the one before loses every label). Errors come
 * as the service sends them ({@code __type} and {@code message}, HTTP 400). Every call is recorded.
 */
public final class SecretsManagerFake implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

  /** One recorded call: the operation ({@code GetSecretValue}) and its JSON body. */
  public record Call(String operation, JsonNode body) {}

  private record Version(String id, String value, List<String> stages) {}

  private record Failure(int status, String type, String message) {}

  private static final String BINARY = "\u0000binary:";

  private final HttpServer server;
  private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /** Starts the fake on a free loopback port. */
  public SecretsManagerFake() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * @return the endpoint to point an SDK client at
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * @return a real SDK client for this fake: static test credentials, no retries
   */
  public SecretsManagerClient client() {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  /**
   * Stores a new version as {@code PutSecretValue} does.
   *
   * @param name the secret
   * @param value its new current value
   * @return the new version's id
   */
  public String put(String name, String value) {
    return putVersion(name, value);
  }

  /**
   * Stores a new binary version (no {@code SecretString}).
   *
   * @param name the secret
   * @param base64 the value's bytes, base64
   */
  public void putBinary(String name, String base64) {
    putVersion(name, BINARY + base64);
  }

  private synchronized String putVersion(String name, String value) {
    List<Version> versions = secrets.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>());
    List<Version> relabelled = new ArrayList<>();
    for (Version v : versions) {
      List<String> stages = new ArrayList<>(v.stages());
      boolean wasCurrent = stages.remove("AWSCURRENT");
      stages.remove("AWSPREVIOUS");
      if (wasCurrent) {
        stages.add("AWSPREVIOUS");
      }
      relabelled.add(new Version(v.id(), v.value(), List.copyOf(stages)));
    }
    String id = UUID.randomUUID().toString();
    relabelled.add(new Version(id, value, List.of("AWSCURRENT")));
    versions.clear();
    versions.addAll(relabelled);
    return id;
  }

  /**
   * Makes every call naming a secret fail as the service would.
   *
   * @param name the secret
   * @param status the HTTP status (400 for client errors, 500 for {@code InternalServiceError})
   * @param type the error's {@code __type}
   * @param message its message
   */
  public void fail(String name, int status, String type, String message) {
    failures.put(name, new Failure(status, type, message));
  }

  /**
   * @param name a secret whose calls answer normally again
   */
  public void heal(String name) {
    failures.remove(name);
  }

  /**
   * @return the calls received, oldest first
   */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * @param operation an operation name such as {@code GetSecretValue}
   * @return how many calls of it were received
   */
  public long count(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
    calls.add(new Call(operation, body));
    String name = body.path("SecretId").asString("");
    Failure failure = failures.get(name);
    if (failure != null) {
      error(exchange, failure.status(), failure.type(), failure.message());
      return;
    }
    switch (operation) {
      case "GetSecretValue" -> get(exchange, name, body);
      case "PutSecretValue" -> {
        if (!body.path("SecretString").isString()) {
          error(
              exchange,
              400,
              "InvalidParameterException",
              "You must provide either SecretString or SecretBinary.");
          return;
        }
        String id = put(name, body.path("SecretString").asString());
        ObjectNode reply =
            JSON.createObjectNode()
                .put("ARN", ARN_PREFIX + name)
                .put("Name", name)
                .put("VersionId", id);
        reply.putArray("VersionStages").add("AWSCURRENT");
        send(exchange, 200, reply);
      }
      default -> error(exchange, 400, "UnknownOperationException", "Unknown operation " + target);
    }
  }

  private void get(HttpExchange exchange, String name, JsonNode body) throws IOException {
    List<Version> versions = secrets.get(name);
    if (versions == null) {
      error(
          exchange,
          400,
          "ResourceNotFoundException",
          "Secrets Manager can't find the specified secret.");
      return;
    }
    String stage = body.path("VersionStage").asString("");
    String versionId = body.path("VersionId").asString("");
    String wanted = stage.isEmpty() && versionId.isEmpty() ? "AWSCURRENT" : stage;
    Version found = null;
    for (Version v : versions) {
      if ((!versionId.isEmpty() && v.id().equals(versionId))
          || (!wanted.isEmpty() && v.stages().contains(wanted))) {
        found = v;
      }
    }
    if (found == null) {
      error(
          exchange,
          400,
          "ResourceNotFoundException",
          "Secrets Manager can't find the specified secret value for "
              + (versionId.isEmpty() ? "staging label: " + wanted : "VersionId: " + versionId));
      return;
    }
    ObjectNode reply =
        JSON.createObjectNode()
            .put("ARN", ARN_PREFIX + name)
            .put("Name", name)
            .put("VersionId", found.id());
    if (found.value().startsWith(BINARY)) {
      reply.put("SecretBinary", found.value().substring(BINARY.length()));
    } else {
      reply.put("SecretString", found.value());
    }
    ArrayNode stages = reply.putArray("VersionStages");
    found.stages().forEach(stages::add);
    reply.put("CreatedDate", 1.523477145713E9);
    send(exchange, 200, reply);
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    Map<String, String> reply = new LinkedHashMap<>();
    reply.put("__type", type);
    reply.put("message", message);
    send(exchange, status, JSON.valueToTree(reply));
  }

  private static void send(HttpExchange exchange, int status, JsonNode reply) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(reply);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
