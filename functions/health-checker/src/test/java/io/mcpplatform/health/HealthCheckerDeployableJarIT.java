package io.mcpplatform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.lambda.testing.DeployableJar;
import io.mcpplatform.aws.lambda.testing.LambdaJarLauncher;
import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.aws.store.RegistryTable;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.testing.EventFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code target/health-checker.jar}, the jar the stack deploys, run alone in a fresh JVM as Lambda
 * runs it on the scheduled event: it reads the catalog from DynamoDB (dynalite) through the AWS
 * SDK, checks the server in it, writes the result back, and logs JSON lines and an EMF metrics
 * line.
 */
@ExtendWith(Dynalite.class)
class HealthCheckerDeployableJarIT {

  /**
   * Plain, and after a SnapStart snapshot and restore (every registered org.crac hook run first).
   */
  @ParameterizedTest(name = "snapStart={0}")
  @ValueSource(booleans = {false, true})
  void deployableJar_checksTheCatalog_onDynamoDb_withJsonLogsAndMetrics(boolean snapStart)
      throws Exception {
    String table = "health-deployable-jar-it-" + snapStart;
    try (DynamoDbClient client = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      client.createTable(RegistryTable.createTableRequest(table));
      DynamoDbRegistryStore store = new DynamoDbRegistryStore(client, table);
      // a loopback address: the probe on AWS refuses it (SSRF guard) and records that, with no
      // network needed
      store.saveRegistration(
          ServerEntry.builder("loopback-server", "Loopback", "1.0.0")
              .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, "https://127.0.0.1:9/mcp", null)))
              .build(),
          0,
          Instant.now());

      DeployableJar.Run run =
          new DeployableJar(Path.of("target/health-checker.jar"))
              .invoke(
                  HealthCheckHandler.class.getName(),
                  ScheduledEvents.class.getName() + "#fromJson",
                  Map.of(
                      "TABLE_NAME",
                      table,
                      "DYNAMODB_ENDPOINT",
                      Dynalite.endpoint().toString(),
                      "AWS_REGION",
                      "us-east-1",
                      LambdaJarLauncher.SNAPSTART,
                      String.valueOf(snapStart)),
                  List.of(EventFiles.dir("health-checker").resolve("scheduled-event.json")));

      assertThat(run.stderr()).as("standard error").doesNotContain("ERROR", "Exception", "Error:");
      assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
      assertThat(run.responses()).hasSize(1);
      assertThat(store.get("loopback-server").orElseThrow().health().status())
          .isNotEqualTo(HealthStatus.UNKNOWN);
      assertThat(run.stdout())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("{")
                      .contains(
                          "\"function_request_id\":\"jar-request-1\"",
                          "\"service\":\"health-checker\""));
      assertThat(run.stdout())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains(
                          "\"_aws\"", "\"Namespace\":\"McpPlatform\"", "\"ServersChecked\":1"));
    }
  }
}
