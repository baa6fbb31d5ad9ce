package io.mcpplatform.transport;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The request as the SDK transport sees it: the body already read and checked, headers it would
 * trip on normalized (the HTTP API v2 comma-split {@code Accept}, a missing or wildcard {@code
 * Accept}), and a request URI that matches its endpoint whatever the stage prefix.
 */
final class SdkRequest extends HttpServletRequestWrapper {

  static final String ENDPOINT = "/mcp";
  private static final String ACCEPT = "application/json, text/event-stream";
  private static final String JSON = "application/json";

  private final byte[] body;

  SdkRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public String getMethod() {
    return "POST";
  }

  @Override
  public String getRequestURI() {
    return ENDPOINT;
  }

  @Override
  public String getContentType() {
    return JSON;
  }

  @Override
  public String getCharacterEncoding() {
    return StandardCharsets.UTF_8.name();
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getHeader(String name) {
    String fixed = fixedHeader(name);
    return fixed != null ? fixed : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String fixed = fixedHeader(name);
    return fixed != null
        ? Collections.enumeration(java.util.List.of(fixed))
        : super.getHeaders(name);
  }

  private String fixedHeader(String name) {
    if (name == null) {
      return null;
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "accept":
        return ACCEPT;
      case "content-type":
        return JSON;
      case "content-length":
        return Integer.toString(body.length);
      default:
        return null;
    }
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("synchronous body only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }
}
