package io.mcpplatform.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import io.mcpplatform.aws.lambda.testing.CapturedOutput;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One invocation's logs, metrics and trace, with a loopback UDP socket in the X-Ray daemon's place.
 */
class LambdaObservabilityTest {

  @Test
  void invoke_sendsASubsegmentNamedAfterTheFunction_toTheXrayDaemon() throws Exception {
    try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      daemon.setSoTimeout(10_000);
      DaemonConfiguration address = new DaemonConfiguration();
      address.setDaemonAddress("127.0.0.1:" + daemon.getLocalPort());
      AWSXRayRecorder recorder =
          AWSXRayRecorderBuilder.standard()
              .withEmitter(Emitter.create(address))
              .withContextMissingStrategy(new IgnoreErrorContextMissingStrategy())
              .build();
      LambdaObservability observability = LambdaObservability.withTracer("registry", recorder);

      // Lambda opens the invocation's segment; here the test does
      recorder.beginSegment("registry");
      String answer =
          observability.invoke(
              new InvocationContext("req-traced", "registry", 1_000), () -> "done");
      recorder.endSegment();

      DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
      daemon.receive(packet);
      String sent = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      JsonNode segment =
          JsonMapper.builder().build().readTree(sent.substring(sent.indexOf('\n') + 1));
      assertThat(answer).isEqualTo("done");
      assertThat(sent).startsWith("{\"format\": \"json\", \"version\": 1}\n");
      JsonNode subsegment = segment.at("/subsegments/0");
      assertThat(subsegment.path("name").asString()).isEqualTo("## registry");
      assertThat(subsegment.at("/annotations/Service").asString()).isEqualTo("registry");
      assertThat(subsegment.at("/annotations/ColdStart").isBoolean()).isTrue();
    }
  }

  @Test
  void invoke_flushesOneEmfLine_onlyWhenTheInvocationRecordedMetrics() throws Exception {
    LambdaObservability observability = LambdaObservability.withTracer("maps", null);

    CapturedOutput quiet =
        CapturedOutput.of(
            () ->
                observability.invoke(
                    new InvocationContext("req-quiet", "maps", 1_000), () -> null));
    CapturedOutput measured =
        CapturedOutput.of(
            () ->
                observability.invoke(
                    new InvocationContext("req-measured", "maps", 1_000),
                    () -> {
                      observability.add("Lookups", 2, MetricUnit.COUNT);
                      return null;
                    }));

    assertThat(quiet.text()).isEmpty();
    assertThat(measured.metricLines()).hasSize(1);
    JsonNode emf = measured.metricLines().get(0);
    assertThat(emf.path("Lookups").asInt()).isEqualTo(2);
    assertThat(emf.path("Service").asString()).isEqualTo("maps");
    assertThat(emf.at("/_aws/CloudWatchMetrics/0/Namespace").asString())
        .isEqualTo(LambdaObservability.NAMESPACE);
  }

  @Test
  void none_runsTheBodyAndRecordsNothing() throws Exception {
    CapturedOutput output =
        CapturedOutput.of(
            () -> {
              LambdaObservability.none().add("Lookups", 1, MetricUnit.COUNT);
              assertThat(
                      LambdaObservability.none()
                          .invoke(new InvocationContext("r", "maps", 1_000), () -> 7))
                  .isEqualTo(7);
            });

    assertThat(output.text()).isEmpty();
  }
}
