package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.aws.lambda.testing.DeployableJar;
import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.RegistryTable;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.core.testing.ProxyResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code target/maps.jar}, the jar the stack deploys, run alone in a fresh JVM as Lambda runs it with no Google
 * key: the offline gazetteer inside it answers, the geocode cache is a DynamoDB table (dynalite) reached
 * through the AWS SDK, logs are JSON lines with the request id.
 */
@ExtendWith(Dynalite.class)
class MapsDeployableJarIT {

  private static final List<String> EVENTS = List.of("initialize.json", "tools-list.json", "get-location.json",
      "get-location.json", "reverse-geocode.json", "not-found.json", "bad-arguments.json");

  @Test
  void deployableJar_answersFromTheOfflineGazetteer_withADynamoDbCache_andJsonLogs() throws Exception {
    String table = "maps-deployable-jar-it";
    try (DynamoDbClient client = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      client.createTable(RegistryTable.createTableRequest(table));
    }
    Path events = EventFiles.dir("maps");

    DeployableJar.Run run = new DeployableJar(Path.of("target/maps.jar")).invoke(MapsHandler.class.getName(),
        Map.of("TABLE_NAME", table, "DYNAMODB_ENDPOINT", Dynalite.endpoint().toString(), "AWS_REGION", "us-east-1"),
        EVENTS.stream().map(events::resolve).toList());

    assertThat(run.stderr()).as("standard error").doesNotContain("ERROR", "Exception", "Error:");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.responses()).hasSize(EVENTS.size());
    List<ProxyResponse> answers = new java.util.ArrayList<>();
    for (int i = 0; i < EVENTS.size(); i++) {
      answers.add(new ProxyResponse(EVENTS.get(i), run.responses().get(i)));
    }
    assertThat(answers.get(0).rpc.at("/result/serverInfo/name").asString()).isEqualTo(MapsApp.SERVER_NAME);
    assertThat(answers.get(1).raw).contains("get_location", "reverse_geocode");
    for (int i : new int[] {2, 3}) {
      assertThat(answers.get(i).text()).startsWith("Location Information:\nAddress: Paris, Île-de-France, France\n");
      assertThat(answers.get(i).structured().at("/place/source").asString()).isEqualTo("offline-geonames");
    }
    assertThat(answers.get(4).text()).startsWith("Reverse Geocoding Result:\nCoordinates: 48.8584, 2.2945\n");
    assertThat(answers.get(5).structured().at("/found").asBoolean()).isFalse();
    assertThat(answers.get(6).isError() || answers.get(6).rpc.has("error")).isTrue();

    assertThat(run.stdout()).anySatisfy(line -> assertThat(line)
        .startsWith("{").contains("\"function_request_id\":\"jar-request-3\"", "\"service\":\"maps\""));
  }
}
