package io.mcpplatform.maps.google;

import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.GeocoderUnavailableException;
import io.mcpplatform.core.geo.GeocoderUnavailableException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Google Geocoding answers and maps each status to a result or a failure a person can act on.
 */
final class GoogleResponses {

  /** Google's {@code status} values, plus what HTTP or parsing failures stand for. */
  enum Status {
    OK,
    ZERO_RESULTS,
    OVER_DAILY_LIMIT,
    OVER_QUERY_LIMIT,
    REQUEST_DENIED,
    INVALID_REQUEST,
    UNKNOWN_ERROR,
    OTHER
  }

  /** One parsed answer: the status, Google's error message if any, and the first result's node. */
  record Answer(Status status, String errorMessage, JsonNode first) {}

  private static final Logger LOG = LoggerFactory.getLogger(GoogleResponses.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  Answer parse(int httpStatus, String body, String key) {
    if (httpStatus >= 500) {
      throw new GeocoderUnavailableException(
          Reason.SERVER_ERROR,
          "Google Geocoding failed on its side (HTTP " + httpStatus + "); try again in a moment.");
    }
    if (httpStatus == 429) {
      throw quota(null);
    }
    if (httpStatus == 401 || httpStatus == 403) {
      throw denied(null);
    }
    if (httpStatus != 200) {
      throw new GeocoderUnavailableException(
          Reason.INVALID_REQUEST,
          "Google Geocoding rejected the request (HTTP " + httpStatus + ").");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw badResponse();
    }
    if (root == null || !root.isObject()) {
      throw badResponse();
    }
    Status status;
    try {
      status = Status.valueOf(root.path("status").asString(""));
    } catch (IllegalArgumentException e) {
      status = Status.OTHER;
    }
    String message = redact(root.path("error_message").asString(""), key);
    JsonNode first = root.path("results").path(0);
    return new Answer(status, message.isEmpty() ? null : message, first.isObject() ? first : null);
  }

  /**
   * @return the result for OK, null for ZERO_RESULTS; throws for every other status
   */
  GeocodeResult outcome(Answer answer, String key) {
    if (answer.status() != Status.OK && answer.status() != Status.ZERO_RESULTS) {
      LOG.warn(
          "Google Geocoding answered {}{}",
          answer.status(),
          answer.errorMessage() == null ? "" : ": " + answer.errorMessage());
    }
    return switch (answer.status()) {
      case OK -> answer.first() == null ? null : result(answer.first());
      case ZERO_RESULTS -> null;
      case OVER_QUERY_LIMIT, OVER_DAILY_LIMIT -> throw quota(answer.errorMessage());
      case REQUEST_DENIED -> throw denied(answer.errorMessage());
      case INVALID_REQUEST ->
          throw new GeocoderUnavailableException(
              Reason.INVALID_REQUEST,
              "Google Geocoding rejected the request as invalid"
                  + detail(answer.errorMessage())
                  + "; check the location or coordinates.");
      case UNKNOWN_ERROR ->
          throw new GeocoderUnavailableException(
              Reason.SERVER_ERROR, "Google Geocoding had a server error; try again in a moment.");
      case OTHER -> throw badResponse();
    };
  }

  private static GeocodeResult result(JsonNode r) {
    JsonNode location = r.path("geometry").path("location");
    if (!location.path("lat").isNumber() || !location.path("lng").isNumber()) {
      throw badResponse();
    }
    List<AddressComponent> components = new ArrayList<>();
    for (JsonNode c : r.path("address_components")) {
      List<String> types = new ArrayList<>();
      for (JsonNode t : c.path("types")) {
        types.add(t.asString());
      }
      String longName = c.path("long_name").asString("");
      if (!longName.isEmpty()) {
        components.add(new AddressComponent(longName, c.path("short_name").asString(""), types));
      }
    }
    double lat = location.path("lat").asDouble();
    double lng = location.path("lng").asDouble();
    return new GeocodeResult(
        r.path("formatted_address").asString(""),
        lat,
        lng,
        r.path("place_id").asString(""),
        null,
        components,
        GeocodeResult.SOURCE_GOOGLE,
        null,
        null);
  }

  private static GeocoderUnavailableException quota(String message) {
    return new GeocoderUnavailableException(
        Reason.QUOTA_EXCEEDED,
        "The Google Geocoding quota is used up"
            + detail(message)
            + "; wait and try again, or raise the quota or enable billing for the Google Cloud project.");
  }

  private static GeocoderUnavailableException denied(String message) {
    return new GeocoderUnavailableException(
        Reason.ACCESS_DENIED,
        "Google Geocoding denied the request"
            + detail(message)
            + "; check that the API key in Secrets Manager is valid, has the Geocoding API enabled "
            + "and allows calls from this server.");
  }

  private static GeocoderUnavailableException badResponse() {
    return new GeocoderUnavailableException(
        Reason.BAD_RESPONSE, "Google Geocoding answered something unexpected; try again later.");
  }

  private static String detail(String message) {
    return message == null ? "" : " (" + message + ")";
  }

  private static String redact(String text, String key) {
    String withoutParam = text.replaceAll("key=[^&\\s]+", "key=[redacted]");
    return key == null || key.isEmpty() ? withoutParam : withoutParam.replace(key, "[redacted]");
  }
}
