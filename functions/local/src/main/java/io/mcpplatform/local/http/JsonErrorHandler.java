package io.mcpplatform.local.http;

import io.mcpplatform.transport.JsonRpcErrors;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed request line, a header too large, anything that escapes a
 * servlet) as JSON-RPC error objects instead of HTML pages: no stack, no class name.
 */
final class JsonErrorHandler extends ErrorHandler {

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    byte[] body = body(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static byte[] body(int status) {
    String reason = HttpStatus.getMessage(status);
    int code = status >= 500 ? JsonRpcErrors.INTERNAL_ERROR : JsonRpcErrors.SERVER_ERROR;
    return JsonRpcErrors.errorBytes(
        null, code, "HTTP " + status + (reason == null ? "" : " " + reason));
  }
}
