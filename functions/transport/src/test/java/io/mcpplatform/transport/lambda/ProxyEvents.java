package io.mcpplatform.transport.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds API Gateway proxy events the way API Gateway sends them. */
final class ProxyEvents {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ProxyEvents() {}

  /** REST API (payload 1.0): headers both single- and multi-valued, stage outside {@code path}. */
  static ObjectNode restApi(
      String method, String path, Map<String, String> headers, String body, boolean base64) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("resource", "/{proxy+}");
    event.put("path", path);
    event.put("httpMethod", method);
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    single.put("Host", "abc123.execute-api.eu-west-1.amazonaws.com");
    multi.putArray("Host").add("abc123.execute-api.eu-west-1.amazonaws.com");
    headers.forEach(
        (name, value) -> {
          single.put(name, value);
          multi.putArray(name).add(value);
        });
    event.putNull("queryStringParameters");
    event.putNull("multiValueQueryStringParameters");
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "123456789012");
    context.put("apiId", "abc123");
    context.put("stage", "prod");
    context.put("path", "/prod" + path);
    context.put("httpMethod", method);
    context.put("requestId", "req-1");
    context.put("resourcePath", "/{proxy+}");
    context.putObject("identity").put("sourceIp", "203.0.113.9");
    putBody(event, body, base64);
    return event;
  }

  /** HTTP API (payload 2.0): lower-case single-valued headers, stage inside {@code rawPath}. */
  static ObjectNode httpApi(
      String method,
      String rawPath,
      String stage,
      Map<String, String> headers,
      String body,
      boolean base64) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", rawPath);
    event.put("rawQueryString", "");
    ObjectNode single = event.putObject("headers");
    single.put("host", "abc123.execute-api.eu-west-1.amazonaws.com");
    headers.forEach((name, value) -> single.put(name.toLowerCase(java.util.Locale.ROOT), value));
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "123456789012");
    context.put("apiId", "abc123");
    context.put("domainName", "abc123.execute-api.eu-west-1.amazonaws.com");
    context.put("requestId", "req-2");
    context.put("routeKey", "$default");
    context.put("stage", stage);
    context.put("timeEpoch", 1_700_000_000_000L);
    ObjectNode http = context.putObject("http");
    http.put("method", method);
    http.put("path", rawPath);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "203.0.113.9");
    http.put("userAgent", "test");
    putBody(event, body, base64);
    return event;
  }

  private static void putBody(ObjectNode event, String body, boolean base64) {
    if (body == null) {
      event.putNull("body");
    } else {
      event.put(
          "body",
          base64
              ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
              : body);
    }
    event.put("isBase64Encoded", base64);
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }
}
