package io.mcpplatform.aws.store;

import io.mcpplatform.aws.lambda.LambdaTracing;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds {@link DynamoDbClient}s on the URL-connection HTTP client (small and quick to start in
 * Lambda), traced in X-Ray when in Lambda ({@link LambdaTracing}). Build one client per process and
 * share it; never build one per request.
 */
public final class DynamoDbClientFactory {

  /** Region used for local DynamoDB-compatible servers, which ignore it. */
  public static final Region LOCAL_REGION = Region.US_EAST_1;

  private DynamoDbClientFactory() {}

  /**
   * @param region the AWS region
   * @return a client for DynamoDB in that region, with the default credentials chain
   */
  public static DynamoDbClient create(Region region) {
    return DynamoDbClient.builder()
        .region(Objects.requireNonNull(region, "region"))
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(LambdaTracing.sdkClientOverrides())
        .build();
  }

  /**
   * @param endpoint the server to talk to instead of AWS (dynalite, LocalStack)
   * @param region the region to sign requests for
   * @param credentials the credentials to sign with
   * @return a client for that endpoint
   */
  public static DynamoDbClient create(
      URI endpoint, Region region, AwsCredentialsProvider credentials) {
    return DynamoDbClient.builder()
        .endpointOverride(Objects.requireNonNull(endpoint, "endpoint"))
        .region(Objects.requireNonNull(region, "region"))
        .credentialsProvider(Objects.requireNonNull(credentials, "credentials"))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(LambdaTracing.sdkClientOverrides())
        .build();
  }

  /**
   * @param endpoint a local DynamoDB-compatible server, e.g. {@code http://127.0.0.1:4567}
   * @return a client for it, signing for {@link #LOCAL_REGION} with fixed dummy credentials
   */
  public static DynamoDbClient createLocal(URI endpoint) {
    return create(
        endpoint,
        LOCAL_REGION,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }
}
