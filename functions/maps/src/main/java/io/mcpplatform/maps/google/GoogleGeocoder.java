package io.mcpplatform.maps.google;

import io.mcpplatform.core.geo.GeoInputs;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.core.geo.GeocoderUnavailableException;
import io.mcpplatform.core.geo.GeocoderUnavailableException.Reason;
import io.mcpplatform.core.secrets.CachedSecretProvider;
import io.mcpplatform.core.secrets.SecretNotFoundException;
import io.mcpplatform.core.secrets.SecretUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google's Geocoding API. The key is read through a {@link CachedSecretProvider}; when Google
 * answers {@code REQUEST_DENIED} the key is read again once and, if it changed (a rotation), the
 * request is retried with the new key. Every failure becomes a {@link GeocoderUnavailableException}
 * whose message says what to do; the key appears in no message, log line or result.
 */
public final class GoogleGeocoder implements Geocoder {

  /** Google's endpoint. */
  public static final URI DEFAULT_ENDPOINT =
      URI.create("https://maps.googleapis.com/maps/api/geocode/json");

  /** How long a call may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(GoogleGeocoder.class);

  private final CachedSecretProvider apiKey;
  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient http;
  private final GoogleResponses responses = new GoogleResponses();

  /**
   * @param apiKey supplies the Google Maps API key
   * @param endpoint the Geocoding API's JSON endpoint ({@link #DEFAULT_ENDPOINT}, or a local server
   *     in tests)
   * @param timeout how long one call may take, connection included
   */
  public GoogleGeocoder(CachedSecretProvider apiKey, URI endpoint, Duration timeout) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @param apiKey supplies the Google Maps API key; Google's endpoint, 10 s timeout
   */
  public GoogleGeocoder(CachedSecretProvider apiKey) {
    this(apiKey, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT);
  }

  @Override
  public GeocodeResult geocode(String query, String language) {
    String location = GeoInputs.location(query);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("address", location);
    params.put("language", GeoInputs.language(language));
    GeocodeResult result = call(params);
    if (result == null) {
      throw GeocodeNotFoundException.forQuery(location);
    }
    return result;
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    GeoInputs.point(latitude, longitude);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("latlng", String.format(Locale.ROOT, "%.7f,%.7f", latitude, longitude));
    params.put("language", GeoInputs.language(language));
    GeocodeResult result = call(params);
    if (result == null) {
      throw GeocodeNotFoundException.forPoint(latitude, longitude);
    }
    return result;
  }

  /**
   * @return the first result, or null for ZERO_RESULTS
   */
  private GeocodeResult call(Map<String, String> params) {
    String key = readKey();
    GoogleResponses.Answer answer = send(params, key);
    if (answer.status() == GoogleResponses.Status.REQUEST_DENIED) {
      apiKey.invalidate();
      String reread = readKey();
      if (!reread.equals(key)) {
        LOG.info("Google denied the request; retrying once with the re-read key {}", apiKey.name());
        key = reread;
        answer = send(params, key);
      }
    }
    return responses.outcome(answer, key);
  }

  private String readKey() {
    try {
      return apiKey.get();
    } catch (SecretNotFoundException e) {
      throw new GeocoderUnavailableException(
          Reason.ACCESS_DENIED,
          "The Google Maps API key secret \""
              + apiKey.name()
              + "\" was not found or holds no value: store the key in Secrets Manager under that name.",
          e);
    } catch (SecretUnavailableException e) {
      throw new GeocoderUnavailableException(
          Reason.UNREACHABLE,
          "The Google Maps API key could not be read from "
              + "Secrets Manager just now; try again in a moment.",
          e);
    }
  }

  private GoogleResponses.Answer send(Map<String, String> params, String key) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.put("key", key);
    String query =
        all.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      GoogleResponses.Answer answer = responses.parse(response.statusCode(), response.body(), key);
      LOG.debug(
          "Google Geocoding {} answered HTTP {} {}",
          endpoint,
          response.statusCode(),
          answer.status());
      return answer;
    } catch (HttpTimeoutException e) {
      LOG.warn("Google Geocoding timed out after {} ms", timeout.toMillis());
      throw new GeocoderUnavailableException(
          Reason.TIMEOUT,
          "Google Geocoding did not answer within "
              + timeout.toSeconds()
              + " s; try again in a moment.");
    } catch (IOException e) {
      LOG.warn("Google Geocoding could not be reached: {}", e.getClass().getSimpleName());
      throw new GeocoderUnavailableException(
          Reason.UNREACHABLE,
          "Google Geocoding could not be reached; check the network and try again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GeocoderUnavailableException(
          Reason.UNREACHABLE, "The call to Google Geocoding was interrupted.");
    }
  }
}
