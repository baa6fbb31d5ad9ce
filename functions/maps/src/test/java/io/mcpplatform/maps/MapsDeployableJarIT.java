package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mcpplatform.aws.lambda.testing.DeployableJar;
import io.mcpplatform.aws.lambda.testing.LambdaJarLauncher;
import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.RegistryTable;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.core.testing.ProxyResponse;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code target/maps.jar}, the jar the stack deploys, run alone in a fresh JVM as Lambda runs it,
 * with {@code LAMBDA_TASK_ROOT} set as in Lambda (so the X-Ray recorder is built, as it is there):
 * the offline gazetteer inside it answers, logs are JSON lines with the request id. With no Google
 * key configured; and with one configured whose secret is missing, read through the jar's AWS SDK
 * from a local stand-in for Secrets Manager.
 */
@ExtendWith(Dynalite.class)
class MapsDeployableJarIT {

  private static final List<String> EVENTS =
      List.of(
          "initialize.json",
          "tools-list.json",
          "get-location.json",
          "get-location.json",
          "reverse-geocode.json",
          "not-found.json",
          "bad-arguments.json");
  private static final Map<String, String> LAMBDA =
      Map.of("LAMBDA_TASK_ROOT", "/var/task", "AWS_REGION", "us-east-1");

  /**
   * Plain, and after a SnapStart snapshot and restore (every registered org.crac hook run first).
   */
  @ParameterizedTest(name = "snapStart={0}")
  @ValueSource(booleans = {false, true})
  void deployableJar_answersFromTheOfflineGazetteer_withJsonLogs(boolean snapStart)
      throws Exception {
    String table = "maps-deployable-jar-it-" + snapStart;
    try (DynamoDbClient client = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      client.createTable(RegistryTable.createTableRequest(table));
    }
    Path events = EventFiles.dir("maps");
    // TABLE_NAME as deployed; the cache holds Google's answers only, so without a key no table is
    // read
    Map<String, String> env = new HashMap<>(LAMBDA);
    env.putAll(
        Map.of(
            "TABLE_NAME",
            table,
            "DYNAMODB_ENDPOINT",
            Dynalite.endpoint().toString(),
            LambdaJarLauncher.SNAPSTART,
            String.valueOf(snapStart)));

    DeployableJar.Run run =
        new DeployableJar(Path.of("target/maps.jar"))
            .invoke(
                MapsHandler.class.getName(), env, EVENTS.stream().map(events::resolve).toList());

    assertThat(run.stderr()).as("standard error").doesNotContain("ERROR", "Exception", "Error:");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.responses()).hasSize(EVENTS.size());
    List<ProxyResponse> answers = new ArrayList<>();
    for (int i = 0; i < EVENTS.size(); i++) {
      answers.add(new ProxyResponse(EVENTS.get(i), run.responses().get(i)));
    }
    assertThat(answers.get(0).rpc.at("/result/serverInfo/name").asString())
        .isEqualTo(MapsApp.SERVER_NAME);
    assertThat(answers.get(1).raw).contains("get_location", "reverse_geocode");
    for (int i : new int[] {2, 3}) {
      assertThat(answers.get(i).text())
          .startsWith("Location Information:\nAddress: Paris, Île-de-France, France\n");
      assertThat(answers.get(i).structured().at("/place/source").asString())
          .isEqualTo("offline-geonames");
    }
    assertThat(answers.get(4).text())
        .startsWith("Reverse Geocoding Result:\nCoordinates: 48.8584, 2.2945\n");
    assertThat(answers.get(5).structured().at("/found").asBoolean()).isFalse();
    assertThat(answers.get(6).isError() || answers.get(6).rpc.has("error")).isTrue();

    assertThat(run.stdout())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"function_request_id\":\"jar-request-3\"", "\"service\":\"maps\""));
  }

  @Test
  void deployableJar_withTheKeySecretMissing_readsSecretsManagerThroughTheSdk_andAnswersOffline()
      throws Exception {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    HttpServer secretsManager =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    secretsManager.createContext(
        "/",
        exchange -> {
          String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
          calls.add(
              exchange.getRequestHeaders().getFirst("X-Amz-Target")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                  + (auth.startsWith("AWS4-HMAC-SHA256 ") ? " signed" : " unsigned"));
          byte[] body =
              "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(400, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    secretsManager.start();
    DeployableJar.Run run;
    try {
      Map<String, String> env = new HashMap<>(LAMBDA);
      env.putAll(
          Map.of(
              "GOOGLE_MAPS_SECRET_NAME",
              "maps-google-key",
              "AWS_ENDPOINT_URL_SECRETS_MANAGER",
              "http://127.0.0.1:" + secretsManager.getAddress().getPort(),
              "AWS_ACCESS_KEY_ID",
              "AKIDDEPLOYABLEJARIT",
              "AWS_SECRET_ACCESS_KEY",
              "deployable-jar-it"));
      Path events = EventFiles.dir("maps");
      run =
          new DeployableJar(Path.of("target/maps.jar"))
              .invoke(
                  MapsHandler.class.getName(),
                  env,
                  List.of(
                      events.resolve("get-location.json"), events.resolve("get-location.json")));
    } finally {
      secretsManager.stop(0);
    }

    assertThat(run.stderr()).as("standard error").doesNotContain("ERROR", "Exception", "Error:");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    // one signed GetSecretValue: the missing key is then believed missing for the key's cache
    // lifetime
    assertThat(calls)
        .containsExactly(
            "secretsmanager.GetSecretValue {\"SecretId\":\"maps-google-key\",\"VersionStage\":\"AWSCURRENT\"} signed");
    assertThat(run.responses()).hasSize(2);
    for (String raw : run.responses()) {
      ProxyResponse answer = new ProxyResponse("get-location.json", raw);
      assertThat(answer.text())
          .startsWith("Location Information:\nAddress: Paris, Île-de-France, France\n")
          .contains(
              "No Google Maps API key is set (secret \"maps-google-key\" is empty or missing)");
      assertThat(answer.structured().at("/place/source").asString()).isEqualTo("offline-geonames");
    }
    assertThat(run.stdout())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"level\":\"WARN\"", "holds no Google Maps API key"));
  }
}
