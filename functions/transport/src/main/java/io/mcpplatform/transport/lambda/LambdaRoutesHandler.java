package io.mcpplatform.transport.lambda;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.mcpplatform.transport.JsonRpcErrors;
import io.mcpplatform.transport.LegacySse;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.RouteDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Lambda entry point shared by every HTTP function: hosts a list of {@link Route}s behind API
 * Gateway. It reads the event, tells a REST API (payload 1.0) event from an HTTP API / Function URL
 * (payload 2.0, {@code "version":"2.0"}) event, runs it through aws-serverless-java-container and
 * writes the proxy response in the matching format. A malformed event gets a 400 proxy response
 * with a JSON-RPC error body, never an exception dump.
 *
 * <p>A function's handler builds one in its constructor and delegates {@code handleRequest} to it.
 * The routes' servlets and the REST API container are initialized in the constructor (Lambda's init
 * phase); the HTTP API container is built on the first payload 2.0 event, since a function behind a
 * REST API never sees one.
 */
public final class LambdaRoutesHandler implements RequestStreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(LambdaRoutesHandler.class);

  private final RouteDispatcher dispatcher;
  private final RoutesContainerHandler<AwsProxyRequest> restApi;
  private volatile RoutesContainerHandler<HttpApiV2ProxyRequest> httpApi;

  /**
   * Builds the container for the given routes and initializes their servlets.
   *
   * @param routes the function's routes, for example {@code /registry/mcp} and {@code /v0.1/*}
   * @throws IllegalStateException if a servlet fails to initialize
   */
  public LambdaRoutesHandler(List<Route> routes) {
    // the legacy SSE paths answer an error naming the Streamable HTTP URL: a Lambda answers each
    // request whole
    this.dispatcher = new RouteDispatcher(LegacySse.unavailableRoutes(routes));
    try {
      // REST API is the deployed shape: build its container now, in the init phase
      this.restApi = RoutesContainerHandler.restApi(dispatcher);
    } catch (ContainerInitializationException e) {
      throw new IllegalStateException("Could not initialize the servlet container", e);
    }
  }

  /**
   * Handles one API Gateway proxy event.
   *
   * @param input the event JSON
   * @param output where the proxy response JSON goes
   * @param context the Lambda context
   * @throws IOException if the output cannot be written
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    ObjectMapper mapper = LambdaContainerHandler.getObjectMapper();
    JsonNode event;
    try {
      event = mapper.readTree(input.readAllBytes());
    } catch (JacksonException e) {
      writeMalformed(mapper, output, "Malformed event: not JSON");
      output.flush();
      return;
    }
    if (event == null || !event.isObject()) {
      writeMalformed(mapper, output, "Malformed event: expected a JSON object");
      output.flush();
      return;
    }
    String problem = bodyProblem(event);
    if (problem != null) {
      writeMalformed(mapper, output, problem);
      output.flush();
      return;
    }
    if ("2.0".equals(event.path("version").asString(""))) {
      handleHttpApi(mapper, event, output, context);
    } else {
      handleRestApi(mapper, event, output, context);
    }
    output.flush();
  }

  private void handleRestApi(
      ObjectMapper mapper, JsonNode event, OutputStream output, Context context)
      throws IOException {
    if (!event.path("httpMethod").isString() || event.path("httpMethod").asString().isBlank()) {
      writeMalformed(mapper, output, "Malformed event: httpMethod is missing");
      return;
    }
    if (!event.path("multiValueHeaders").isObject()) {
      // API Gateway always sends it; the container cannot read an event without it
      writeMalformed(mapper, output, "Malformed event: multiValueHeaders must be an object");
      return;
    }
    AwsProxyRequest request;
    try {
      request = mapper.treeToValue(event, AwsProxyRequest.class);
    } catch (JacksonException e) {
      LOG.warn("Unreadable REST API event: {}", e.getOriginalMessage());
      writeMalformed(mapper, output, "Malformed event: not an API Gateway proxy event");
      return;
    }
    long start = System.nanoTime();
    AwsProxyResponse response = restApi.proxy(request, context);
    logAnswer(request.getHttpMethod(), request.getPath(), response, start);
    output.write(mapper.writeValueAsBytes(response));
  }

  private void handleHttpApi(
      ObjectMapper mapper, JsonNode event, OutputStream output, Context context)
      throws IOException {
    JsonNode method = event.path("requestContext").path("http").path("method");
    if (!method.isString() || method.asString().isBlank()) {
      writeMalformed(mapper, output, "Malformed event: requestContext.http.method is missing");
      return;
    }
    HttpApiV2ProxyRequest request;
    try {
      request = mapper.treeToValue(event, HttpApiV2ProxyRequest.class);
    } catch (JacksonException e) {
      LOG.warn("Unreadable HTTP API event: {}", e.getOriginalMessage());
      writeMalformed(mapper, output, "Malformed event: not an HTTP API proxy event");
      return;
    }
    long start = System.nanoTime();
    AwsProxyResponse response = httpApi().proxy(request, context);
    logAnswer(method.asString(), request.getRawPath(), response, start);
    output.write(mapper.writeValueAsBytes(toPayloadV2(mapper, response)));
  }

  /**
   * @return why the event's body cannot be read, or null: a base64 body must be valid base64
   */
  private static String bodyProblem(JsonNode event) {
    JsonNode body = event.path("body");
    if (!event.path("isBase64Encoded").asBoolean(false) || !body.isString()) {
      return null;
    }
    try {
      Base64.getDecoder().decode(body.asString().replaceAll("\\s", ""));
      return null;
    } catch (IllegalArgumentException e) {
      return "Malformed event: body is not valid base64 (isBase64Encoded is true)";
    }
  }

  /** One line per request: method, path (never the query or a header), status and time taken. */
  private static void logAnswer(
      String method, String path, AwsProxyResponse response, long startNanos) {
    LOG.info(
        "{} {} answered {} in {} ms",
        method,
        path,
        response.getStatusCode(),
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** HTTP API payload 2.0 responses have single-valued headers and a separate cookies list. */
  static ObjectNode toPayloadV2(ObjectMapper mapper, AwsProxyResponse response) {
    ObjectNode out = mapper.createObjectNode();
    out.put("statusCode", response.getStatusCode());
    ObjectNode headers = out.putObject("headers");
    ArrayNode cookies = mapper.createArrayNode();
    if (response.getMultiValueHeaders() != null) {
      for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
        if ("set-cookie".equalsIgnoreCase(header.getKey())) {
          header.getValue().forEach(cookies::add);
        } else {
          headers.put(header.getKey(), String.join(", ", header.getValue()));
        }
      }
    }
    if (!cookies.isEmpty()) {
      out.set("cookies", cookies);
    }
    if (response.getBody() != null) {
      out.put("body", response.getBody());
    }
    out.put("isBase64Encoded", response.isBase64Encoded());
    return out;
  }

  private RoutesContainerHandler<HttpApiV2ProxyRequest> httpApi() {
    RoutesContainerHandler<HttpApiV2ProxyRequest> handler = httpApi;
    if (handler == null) {
      synchronized (this) {
        handler = httpApi;
        if (handler == null) {
          try {
            handler = RoutesContainerHandler.httpApi(dispatcher);
          } catch (ContainerInitializationException e) {
            throw new IllegalStateException("Could not initialize the servlet container", e);
          }
          httpApi = handler;
        }
      }
    }
    return handler;
  }

  private static void writeMalformed(ObjectMapper mapper, OutputStream output, String message)
      throws IOException {
    LOG.warn("Rejected Lambda event: {}", message);
    byte[] body = JsonRpcErrors.errorBytes(null, JsonRpcErrors.INVALID_REQUEST, message);
    ObjectNode out = mapper.createObjectNode();
    out.put("statusCode", 400);
    out.putObject("headers").put("Content-Type", "application/json");
    out.put("body", new String(body, StandardCharsets.UTF_8));
    out.put("isBase64Encoded", false);
    output.write(mapper.writeValueAsBytes(out));
  }
}
