package io.mcpplatform.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.exceptions.SegmentNotFoundException;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.ContextMissingStrategy;
import com.amazonaws.xray.strategy.RuntimeErrorContextMissingStrategy;
import io.mcpplatform.aws.lambda.testing.CapturedOutput;
import io.mcpplatform.aws.store.Dynalite;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AWS SDK clients' X-Ray tracing: attached only when the environment says Lambda, recording
 * DynamoDB calls (on dynalite) as subsegments of the open segment, and never failing a call that
 * has no segment to join.
 */
@ExtendWith(Dynalite.class)
class LambdaTracingTest {

  private static final Map<String, String> LAMBDA =
      Map.of(LambdaTracing.TASK_ROOT_VARIABLE, "/var/task", "AWS_LAMBDA_FUNCTION_NAME", "registry");
  private static final String TABLE = "lambda-tracing-test";

  private final CapturingEmitter emitter = new CapturingEmitter();
  private AWSXRayRecorder recorder;

  @BeforeAll
  static void createTable() {
    try (DynamoDbClient plain = DynamoDbClientFactory.createLocal(Dynalite.endpoint())) {
      plain.createTable(
          t ->
              t.tableName(TABLE)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("id")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                  .billingMode(BillingMode.PAY_PER_REQUEST));
    } catch (ResourceInUseException alreadyThere) {
      // a DYNAMODB_ENDPOINT shared by an earlier run
    }
  }

  @AfterEach
  void clearContext() {
    if (recorder != null) {
      recorder.clearTraceEntity();
    }
  }

  @Test
  void sdkClientOverrides_addTheTracingInterceptor_onlyWhenTheEnvironmentSaysLambda() {
    AtomicInteger asked = new AtomicInteger();
    Supplier<AWSXRayRecorder> recorders =
        () -> {
          asked.incrementAndGet();
          return recorder();
        };

    ClientOverrideConfiguration inLambda = LambdaTracing.sdkClientOverrides(LAMBDA, recorders);
    ClientOverrideConfiguration local =
        LambdaTracing.sdkClientOverrides(Map.of("HOME", "/home/me"), recorders);
    ClientOverrideConfiguration functionNameOnly =
        LambdaTracing.sdkClientOverrides(Map.of("AWS_LAMBDA_FUNCTION_NAME", "registry"), recorders);

    assertThat(inLambda.executionInterceptors())
        .singleElement()
        .isInstanceOfSatisfying(
            LambdaTracing.NeverFailing.class,
            wrapper -> assertThat(wrapper.delegate()).isInstanceOf(TracingInterceptor.class));
    assertThat(local.executionInterceptors()).isEmpty();
    assertThat(functionNameOnly.executionInterceptors()).isEmpty();
    assertThat(asked).as("recorder built or asked for outside Lambda").hasValue(1);
    assertThat(LambdaTracing.inLambda(LAMBDA)).isTrue();
    assertThat(LambdaTracing.inLambda(Map.of())).isFalse();
  }

  @Test
  void dynamoDbCalls_areRecordedAsSubsegments_ofTheOpenSegment() {
    try (DynamoDbClient client =
        tracedClient(LambdaTracing.sdkClientOverrides(LAMBDA, this::recorder))) {
      recorder.beginSegment("registry");
      client.putItem(
          p -> p.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("weather-api"))));
      String found =
          client
              .getItem(
                  g -> g.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("weather-api"))))
              .item()
              .get("id")
              .s();
      recorder.endSegment();

      assertThat(found).isEqualTo("weather-api");
      assertThat(emitter.segments).hasSize(1);
      List<Subsegment> calls = emitter.segments.get(0).getSubsegments();
      // named by the SDK's service id, as X-Ray's interceptor does for every SDK v2 client
      assertThat(calls).extracting(Subsegment::getName).containsExactly("DynamoDb", "DynamoDb");
      assertThat(calls)
          .extracting(call -> call.getAws().get("operation"))
          .containsExactly("PutItem", "GetItem");
      assertThat(calls)
          .allSatisfy(
              call -> {
                assertThat(call.getNamespace()).isEqualTo("aws");
                assertThat(call.getAws())
                    .containsEntry("table_name", TABLE)
                    .containsEntry("region", "us-east-1");
                assertThat(call.getHttp())
                    .extractingByKey("response")
                    .asInstanceOf(MAP)
                    .containsEntry("status", 200);
                assertThat(call.isInProgress()).isFalse();
                assertThat(call.isFault() || call.isError()).isFalse();
              });
    }
  }

  @Test
  void aFailedCall_isRecordedAsAnError_andStillFailsAsItWould() {
    try (DynamoDbClient client =
        tracedClient(LambdaTracing.sdkClientOverrides(LAMBDA, this::recorder))) {
      recorder.beginSegment("registry");
      assertThatThrownBy(() -> client.describeTable(d -> d.tableName("no-such-table")))
          .isInstanceOf(ResourceNotFoundException.class);
      recorder.endSegment();

      Subsegment call = emitter.segments.get(0).getSubsegments().get(0);
      assertThat(call.getAws()).containsEntry("operation", "DescribeTable");
      assertThat(call.isError()).as("a 4xx answer is an error in X-Ray").isTrue();
      assertThat(call.getCause().getExceptions()).isNotEmpty();
    }
  }

  @Test
  void withNoSegmentOpen_callsSucceed_quietly_evenWhereTheEnvironmentAsksForRuntimeErrors()
      throws Exception {
    // RUNTIME_ERROR by system property, as AWS_XRAY_CONTEXT_MISSING could ask: the builder honours
    // it
    System.setProperty(
        ContextMissingStrategy.CONTEXT_MISSING_STRATEGY_SYSTEM_PROPERTY_OVERRIDE_KEY,
        "RUNTIME_ERROR");
    try {
      recorder = LambdaTracing.build(AWSXRayRecorderBuilder.standard().withEmitter(emitter));
    } finally {
      System.clearProperty(
          ContextMissingStrategy.CONTEXT_MISSING_STRATEGY_SYSTEM_PROPERTY_OVERRIDE_KEY);
    }
    // the bare interceptor: the recorder's strategy alone keeps the call alive; then the clients'
    // own setup
    ClientOverrideConfiguration bare =
        ClientOverrideConfiguration.builder()
            .addExecutionInterceptor(new TracingInterceptor(recorder, null, null))
            .build();
    try (DynamoDbClient bareClient = tracedClient(bare);
        DynamoDbClient client =
            tracedClient(LambdaTracing.sdkClientOverrides(LAMBDA, () -> recorder))) {
      AtomicInteger items = new AtomicInteger(-1);
      CapturedOutput output =
          CapturedOutput.of(
              () -> {
                bareClient.listTables();
                items.set(
                    client
                        .getItem(
                            g ->
                                g.tableName(TABLE)
                                    .key(Map.of("id", AttributeValue.fromS("nobody"))))
                        .item()
                        .size());
              });

      assertThat(items).hasValue(0);
      assertThat(output.text()).as("log output of untraced calls").isEmpty();
      assertThat(emitter.segments).isEmpty();
      assertThat(emitter.subsegments).isEmpty();
    }
  }

  @Test
  void
      withNoSegmentOpen_theBareInterceptorThrows_underARuntimeErrorStrategy_whichTheGuardAbsorbs() {
    // the control for the test above: the same call does reach the context-missing strategy
    AWSXRayRecorder throwing = AWSXRayRecorderBuilder.standard().withEmitter(emitter).build();
    throwing.setContextMissingStrategy(new RuntimeErrorContextMissingStrategy());
    ClientOverrideConfiguration bare =
        ClientOverrideConfiguration.builder()
            .addExecutionInterceptor(new TracingInterceptor(throwing, null, null))
            .build();
    ClientOverrideConfiguration guarded = LambdaTracing.sdkClientOverrides(LAMBDA, () -> throwing);

    try (DynamoDbClient bareClient = tracedClient(bare);
        DynamoDbClient guardedClient = tracedClient(guarded)) {
      assertThatThrownBy(bareClient::listTables)
          .isInstanceOf(SegmentNotFoundException.class)
          .hasMessageContaining("segment cannot be found");
      assertThat(guardedClient.listTables().tableNames()).contains(TABLE);
    }
  }

  @Test
  void aFailingInterceptor_neverFailsTheCall() {
    ExecutionInterceptor broken =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            throw new IllegalStateException("broken before");
          }

          @Override
          public SdkHttpRequest modifyHttpRequest(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            throw new IllegalStateException("broken request");
          }

          @Override
          public void afterExecution(
              Context.AfterExecution context, ExecutionAttributes attributes) {
            throw new IllegalStateException("broken after");
          }
        };
    ClientOverrideConfiguration guarded =
        ClientOverrideConfiguration.builder()
            .addExecutionInterceptor(new LambdaTracing.NeverFailing(broken))
            .build();

    try (DynamoDbClient client = tracedClient(guarded)) {
      assertThat(client.listTables().tableNames()).contains(TABLE);
    }
  }

  private AWSXRayRecorder recorder() {
    if (recorder == null) {
      recorder = LambdaTracing.build(AWSXRayRecorderBuilder.standard().withEmitter(emitter));
    }
    return recorder;
  }

  private DynamoDbClient tracedClient(ClientOverrideConfiguration overrides) {
    return DynamoDbClient.builder()
        .endpointOverride(Dynalite.endpoint())
        .region(DynamoDbClientFactory.LOCAL_REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(overrides)
        .build();
  }

  /** Keeps what the recorder would send to the X-Ray daemon. */
  private static final class CapturingEmitter extends Emitter {
    final List<Segment> segments = new CopyOnWriteArrayList<>();
    final List<Subsegment> subsegments = new CopyOnWriteArrayList<>();

    @Override
    public boolean sendSegment(Segment segment) {
      segments.add(segment);
      return true;
    }

    @Override
    public boolean sendSubsegment(Subsegment subsegment) {
      subsegments.add(subsegment);
      return true;
    }
  }
}
