package io.mcpplatform.maps.google;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for Google's Geocoding JSON endpoint that knows which API keys are valid: a
 * valid key gets the recorded {@code OK} answer, any other the recorded {@code REQUEST_DENIED} "The
 * provided API key is invalid." answer, both from {@code src/test/resources/google/}. Records the
 * key of every request.
 */
public final class GoogleGeocodingFake implements AutoCloseable {

  private static final String PATH = "/maps/api/geocode/json";

  private final HttpServer server;
  private final List<String> keysSeen = new CopyOnWriteArrayList<>();
  private volatile Set<String> validKeys = Set.of();

  /** Starts the fake on a free loopback port. */
  public GoogleGeocodingFake() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(PATH, this::handle);
    server.start();
  }

  /**
   * @param keys the API keys Google accepts from now on
   */
  public void accept(String... keys) {
    validKeys = Set.of(keys);
  }

  /**
   * @return the endpoint to give a {@link GoogleGeocoder}
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /**
   * @return the key each request carried, oldest first
   */
  public List<String> keysSeen() {
    return List.copyOf(keysSeen);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String key = "";
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      if (pair.startsWith("key=")) {
        key = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
      }
    }
    keysSeen.add(key);
    byte[] body = fixture(validKeys.contains(key) ? "ok" : "request_denied");
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in =
        GoogleGeocodingFake.class.getResourceAsStream("/google/" + name + ".json")) {
      return in.readAllBytes();
    }
  }
}
