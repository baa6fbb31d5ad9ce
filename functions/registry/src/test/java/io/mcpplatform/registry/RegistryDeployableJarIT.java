package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.lambda.testing.DeployableJar;
import io.mcpplatform.aws.lambda.testing.LambdaJarLauncher;
import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.RegistryTable;
import io.mcpplatform.core.testing.ProxyResponse;
import io.mcpplatform.registry.auth.LocalSigningKey;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code target/registry.jar}, the jar the stack deploys, run alone in a fresh JVM as Lambda runs
 * it, on a DynamoDB table (dynalite) through the AWS SDK: every class it needs is in it (the shade
 * configuration trims it under 20 MB), its logs are JSON lines with the request id, its metrics EMF
 * lines; and, with the environment the Lambda runtime gives it, its DynamoDB calls reach the X-Ray
 * daemon as subsegments.
 */
@ExtendWith(Dynalite.class)
class RegistryDeployableJarIT {

  private static final List<String> EVENTS =
      List.of(
          "initialize.json",
          "tools-list.json",
          "register-server.json",
          "search-servers.json",
          "get-server.json",
          "list-servers.json",
          "rest-search-servers.json",
          "malformed-body.json",
          "bad-argument.json",
          "get-not-allowed.json");

  @TempDir Path dataDir;

  /**
   * Plain, and after a SnapStart snapshot and restore (every registered org.crac hook run first).
   */
  @ParameterizedTest(name = "snapStart={0}")
  @ValueSource(booleans = {false, true})
  void deployableJar_answersEveryEvent_onDynamoDb_withJsonLogsAndMetrics(boolean snapStart)
      throws Exception {
    String table = "deployable-jar-it-" + snapStart;
    try (DynamoDbClient client = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      client.createTable(RegistryTable.createTableRequest(table));
    }
    Files.writeString(dataDir.resolve(LocalSigningKey.FILE_NAME), ExampleEvents.KEY_FILE);
    Path events = ExampleEvents.copyFresh(Files.createDirectories(dataDir.resolve("events")));

    DeployableJar.Run run =
        new DeployableJar(Path.of("target/registry.jar"))
            .invoke(
                RegistryHandler.class.getName(),
                Map.of(
                    "TABLE_NAME",
                    table,
                    "DYNAMODB_ENDPOINT",
                    Dynalite.endpoint().toString(),
                    "AWS_REGION",
                    "us-east-1",
                    "REGISTRY_DATA_DIR",
                    dataDir.toString(),
                    "INDEX_REFRESH_MS",
                    "0",
                    LambdaJarLauncher.SNAPSTART,
                    String.valueOf(snapStart)),
                EVENTS.stream().map(events::resolve).toList());

    assertThat(run.stderr()).as("standard error").doesNotContain("ERROR", "Exception", "Error:");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.responses()).hasSize(EVENTS.size());
    Map<String, ProxyResponse> answers = new java.util.HashMap<>();
    for (int i = 0; i < EVENTS.size(); i++) {
      answers.put(EVENTS.get(i), new ProxyResponse(EVENTS.get(i), run.responses().get(i)));
    }
    assertThat(answers.get("initialize.json").rpc.at("/result/serverInfo/name").asString())
        .isEqualTo("mcp-registry");
    assertThat(answers.get("tools-list.json").raw).contains("search_servers", "register_server");
    assertThat(answers.get("register-server.json").text())
        .isEqualTo("Server 'Weather API' registered successfully with ID: weather-api");
    assertThat(answers.get("search-servers.json").structured().at("/servers/0/name").asString())
        .isEqualTo("weather-api");
    assertThat(answers.get("get-server.json").structured().at("/remotes/0/url").asString())
        .isEqualTo("https://weather.example.com/mcp");
    assertThat(answers.get("list-servers.json").structured().at("/servers").size()).isEqualTo(1);
    assertThat(answers.get("rest-search-servers.json").rpc.at("/servers/0/server/name").asString())
        .isEqualTo("default/weather-api");
    assertThat(answers.get("malformed-body.json").rpc.at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(answers.get("bad-argument.json").text())
        .startsWith("Invalid arguments: ")
        .contains("server_id");
    assertThat(answers.get("get-not-allowed.json").status).isEqualTo(405);

    assertThat(run.stdout())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains(
                        "\"function_request_id\":\"jar-request-3\"", "\"service\":\"registry\""));
    assertThat(run.stdout())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"_aws\"", "\"Namespace\":\"McpPlatform\"", "SearchRequests"));
    assertThat(String.join("\n", run.stdout())).doesNotContain(ExampleEvents.KEY_FILE);
  }

  @Test
  void deployableJar_inLambda_sendsItsDynamoDbCalls_toXray_asSubsegmentsOfTheInvocation()
      throws Exception {
    String table = "deployable-jar-tracing-it";
    try (DynamoDbClient client = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      client.createTable(RegistryTable.createTableRequest(table));
    }
    Files.writeString(dataDir.resolve(LocalSigningKey.FILE_NAME), ExampleEvents.KEY_FILE);
    Path events = ExampleEvents.copyFresh(Files.createDirectories(dataDir.resolve("events")));
    String traceId = "1-5759e988-bd862e3fe1be46a994272793";

    List<JsonNode> sent = new ArrayList<>();
    DeployableJar.Run run;
    try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Map<String, String> env =
          new HashMap<>(
              Map.of(
                  "TABLE_NAME",
                  table,
                  "DYNAMODB_ENDPOINT",
                  Dynalite.endpoint().toString(),
                  "AWS_REGION",
                  "us-east-1",
                  "REGISTRY_DATA_DIR",
                  dataDir.toString(),
                  "INDEX_REFRESH_MS",
                  "0"));
      // what the Lambda runtime sets: the task root, the daemon's address, LOG_ERROR, the
      // invocation's trace
      env.putAll(
          Map.of(
              "LAMBDA_TASK_ROOT",
              dataDir.toString(),
              "AWS_XRAY_DAEMON_ADDRESS",
              "127.0.0.1:" + daemon.getLocalPort(),
              "AWS_XRAY_CONTEXT_MISSING",
              "LOG_ERROR",
              "_X_AMZN_TRACE_ID",
              "Root=" + traceId + ";Parent=53995c3f42cd8ad8;Sampled=1"));
      run =
          new DeployableJar(Path.of("target/registry.jar"))
              .invoke(
                  RegistryHandler.class.getName(),
                  env,
                  List.of(
                      events.resolve("initialize.json"),
                      events.resolve("register-server.json"),
                      events.resolve("search-servers.json")));
      daemon.setSoTimeout(2_000);
      try {
        while (true) {
          DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
          daemon.receive(packet);
          String datagram =
              new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
          sent.add(
              JsonMapper.builder()
                  .build()
                  .readTree(datagram.substring(datagram.indexOf('\n') + 1)));
        }
      } catch (SocketTimeoutException allReceived) {
        // the run has ended: every datagram it sent is already here
      }
    }

    assertThat(run.stderr()).as("standard error").doesNotContain("ERROR", "Exception", "Error:");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.responses()).hasSize(3);
    assertThat(new ProxyResponse("register-server.json", run.responses().get(1)).text())
        .isEqualTo("Server 'Weather API' registered successfully with ID: weather-api");
    assertThat(run.stdout()).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
    assertThat(sent)
        .as("subsegments sent to the daemon")
        .isNotEmpty()
        .allSatisfy(entity -> assertThat(entity.path("trace_id").asString()).isEqualTo(traceId));
    List<JsonNode> calls = new ArrayList<>();
    sent.stream()
        .filter(entity -> entity.path("name").asString().equals("## registry"))
        .forEach(invocation -> invocation.path("subsegments").forEach(calls::add));
    assertThat(calls)
        .as("AWS calls within the invocations' subsegments")
        .isNotEmpty()
        .allSatisfy(
            call -> {
              assertThat(call.path("name").asString()).isEqualTo("DynamoDb");
              assertThat(call.path("namespace").asString()).isEqualTo("aws");
              assertThat(call.at("/aws/table_name").asString()).isEqualTo(table);
              assertThat(call.at("/http/response/status").asInt()).isEqualTo(200);
            });
    assertThat(calls)
        .extracting(call -> call.at("/aws/operation").asString())
        .contains("UpdateItem", "Query");
  }
}
