package io.mcpplatform.maps;

import io.mcpplatform.core.catalog.Arguments;
import io.mcpplatform.core.catalog.FieldChecks;
import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeoInputs;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import io.mcpplatform.transport.ProgressSink;
import io.mcpplatform.transport.ToolFailureMapper;
import io.mcpplatform.transport.ToolSchemas;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The maps server's MCP tools, with the seed's names, arguments, schemas and result text: {@code
 * get_location(location, language="en")} and {@code reverse_geocode(latitude, longitude,
 * language="en")}. Each result also carries {@code structuredContent} matching the tool's {@code
 * outputSchema}, including which geocoder answered ({@code place.source}) and, when a fallback
 * answered, why ({@code place.note}). "Not found" is an ordinary result ({@code found: false}); bad
 * arguments and an unavailable geocoder are tool errors ({@link #failures()}).
 */
public final class MapsTools {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Geocoder geocoder;
  private final ObjectMapper json;
  private final ToolSchemas schemas;

  /**
   * @param geocoder answers the questions
   * @param json the mapper used for structured results
   */
  public MapsTools(Geocoder geocoder, ObjectMapper json) {
    this.geocoder = Objects.requireNonNull(geocoder, "geocoder");
    this.json = Objects.requireNonNull(json, "json");
    this.schemas = new ToolSchemas(json, MapsTools.class, "/maps-schemas/", "place.json");
  }

  /**
   * @return how the tools' failures read to a caller
   */
  public static ToolFailureMapper failures() {
    return new MapsFailures();
  }

  /**
   * @return the tool specifications to serve
   */
  public List<SyncToolSpecification> specifications() {
    return List.of(
        spec(
            "get_location",
            "Get detailed location information including coordinates, formatted address, and map"
                + " URL for any place name or address",
            "get_location",
            this::getLocation),
        spec(
            "reverse_geocode",
            "Get address information for a specific latitude and longitude",
            "reverse_geocode",
            this::reverseGeocode));
  }

  private SyncToolSpecification spec(
      String name,
      String description,
      String schema,
      BiFunction<Map<String, Object>, ProgressSink, CallToolResult> handler) {
    Tool tool =
        Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(schemas.load(schema + ".input.json"))
            .outputSchema(schemas.load(schema + ".output.json"))
            // read-only, not destructive, idempotent, open world (an external service may answer)
            .annotations(new ToolAnnotations(null, true, false, true, true, null))
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (context, request) ->
                handler.apply(
                    request.arguments() == null ? Map.of() : request.arguments(),
                    ProgressSink.of(context)))
        .build();
  }

  private CallToolResult getLocation(Map<String, Object> args, ProgressSink progress) {
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(args, checks);
    String raw = arguments.string("location");
    String language = arguments.string("language");
    checks.throwIfAny();
    String location = GeoInputs.location(raw);
    String lang = GeoInputs.language(language);
    Map<String, Object> body = new LinkedHashMap<>();
    GeocodeResult result;
    try {
      progress.report(1, 2.0, "Geocoding request sent");
      result = geocoder.geocode(location, lang);
      answered(progress, result);
    } catch (GeocodeNotFoundException e) {
      progress.report(2, 2.0, "Answer received: no match");
      String text =
          "Could not find location: "
              + location
              + ". Status: ZERO_RESULTS. Check the spelling or add a"
              + " country or region (\"Paris, Texas\").";
      body.put("found", false);
      body.put("location", location);
      body.put("message", text);
      return CallToolResult.builder().addTextContent(text).structuredContent(body).build();
    }
    body.put("found", true);
    body.put("location", location);
    body.put("place", tree(result));
    StringBuilder text =
        new StringBuilder("Location Information:\n")
            .append("Address: ")
            .append(result.formattedAddress())
            .append('\n')
            .append("Coordinates: ")
            .append(result.latitude())
            .append(", ")
            .append(result.longitude())
            .append('\n')
            .append("Place ID: ")
            .append(result.placeId())
            .append('\n')
            .append("Map URL: ")
            .append(result.mapUrl())
            .append('\n');
    source(text, result);
    text.append('\n').append("Address Components:\n").append(components(result.components()));
    return CallToolResult.builder().addTextContent(text.toString()).structuredContent(body).build();
  }

  private CallToolResult reverseGeocode(Map<String, Object> args, ProgressSink progress) {
    FieldChecks checks = new FieldChecks();
    Arguments arguments = new Arguments(args, checks);
    Double latitude = arguments.number("latitude");
    Double longitude = arguments.number("longitude");
    String language = arguments.string("language");
    checks.throwIfAny();
    GeoInputs.point(latitude, longitude);
    String lang = GeoInputs.language(language);
    Map<String, Object> body = new LinkedHashMap<>();
    GeocodeResult result;
    try {
      progress.report(1, 2.0, "Reverse geocoding request sent");
      result = geocoder.reverse(latitude, longitude, lang);
      answered(progress, result);
    } catch (GeocodeNotFoundException e) {
      progress.report(2, 2.0, "Answer received: no match");
      String text = "Could not find address for coordinates: " + latitude + ", " + longitude;
      body.put("found", false);
      body.put("latitude", latitude);
      body.put("longitude", longitude);
      body.put("message", text);
      return CallToolResult.builder().addTextContent(text).structuredContent(body).build();
    }
    body.put("found", true);
    body.put("latitude", latitude);
    body.put("longitude", longitude);
    body.put("place", tree(result));
    StringBuilder text =
        new StringBuilder("Reverse Geocoding Result:\n")
            .append("Coordinates: ")
            .append(latitude)
            .append(", ")
            .append(longitude)
            .append('\n')
            .append("Address: ")
            .append(result.formattedAddress())
            .append('\n')
            .append("Place ID: ")
            .append(result.placeId())
            .append('\n');
    if (result.distanceKm() != null) {
      text.append("Nearest known place: ")
          .append(result.latitude())
          .append(", ")
          .append(result.longitude())
          .append(", ")
          .append(result.distanceKm())
          .append(" km from the coordinates\n");
    }
    text.append("Map URL: ").append(result.mapUrl()).append('\n');
    source(text, result);
    text.append('\n').append("Address Components:\n").append(components(result.components()));
    return CallToolResult.builder().addTextContent(text.toString()).structuredContent(body).build();
  }

  /** The second progress step: who answered, and whether the fallback had to. */
  private static void answered(ProgressSink progress, GeocodeResult result) {
    progress.report(
        2,
        2.0,
        result.note() == null
            ? "Answer received from " + sourceName(result.source())
            : "Fallback taken: answered by " + sourceName(result.source()));
  }

  private static void source(StringBuilder text, GeocodeResult result) {
    text.append("Source: ").append(sourceName(result.source())).append('\n');
    if (result.note() != null) {
      text.append("Note: ").append(result.note()).append('\n');
    }
  }

  /**
   * @param source a {@link GeocodeResult#source()}
   * @return how a person reads it
   */
  static String sourceName(String source) {
    return switch (source) {
      case GeocodeResult.SOURCE_GOOGLE -> "Google Geocoding API";
      case GeocodeResult.SOURCE_OFFLINE -> "offline gazetteer (GeoNames, CC BY 4.0)";
      default -> source;
    };
  }

  private static String components(List<AddressComponent> components) {
    return components.stream()
        .map(c -> "  - " + c.longName() + " (" + String.join(", ", c.types()) + ")")
        .collect(Collectors.joining("\n"));
  }

  private Map<String, Object> tree(GeocodeResult result) {
    return json.convertValue(result, MAP);
  }
}
